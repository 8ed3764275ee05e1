package org.dedup.domain.testing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;
import org.dedup.domain.standardize.PhoneKey;
import org.dedup.domain.standardize.Standardizer;

/**
 * An in-memory stand-in for the standardization adapter, for the engine's tests: text in lower case with accents
 * folded and only letters and digits kept; a phone by its digits, a national number (trunk '0') read in the few
 * regions listed here; an email in lower case. The real rules (libphonenumber's, Creatio's) are
 * dedup-standardization's, tested there.
 */
public final class SimpleStandardizer implements Standardizer {
    private static final Map<String, String> CALLING_CODES = Map.of("GB", "44", "US", "1", "DE", "49", "FR", "33",
            "ES", "34", "RU", "7");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SCHEME_AND_WWW = Pattern.compile("^(https?:/*)?(www\\.)?");
    private static final Pattern GENERIC_SUFFIX = Pattern.compile("\\.(com|org|net|info|biz)(/.*)?$");

    @Override
    public String text(String raw) {
        return NOT_LETTER_OR_DIGIT.matcher(folded(raw)).replaceAll("");
    }

    @Override
    public String website(String raw) {
        String host = SCHEME_AND_WWW.matcher(folded(raw).strip().replace('\\', '/')).replaceFirst("");
        return text(GENERIC_SUFFIX.matcher(host).replaceFirst(""));
    }

    @Override
    public EmailKey email(String raw, EmailFolding folding) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
            return new EmailKey.Invalid(value, "email address '" + value + "' has no single @ between two parts");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (folding == EmailFolding.GMAIL_DOTS_AND_PLUS && domain.equals("gmail.com")) {
            local = local.replaceFirst("\\+.*$", "").replace(".", "");
        }
        return new EmailKey.Valid(local + "@" + domain, local, domain);
    }

    @Override
    public PhoneKey phone(String raw, String defaultRegion) {
        String value = raw == null ? "" : raw.strip();
        String digits = value.replaceAll("\\D", "");
        String callingCode = CALLING_CODES.get(defaultRegion);
        String international;
        if (value.startsWith("+")) {
            international = digits;
        } else if (callingCode != null) {
            international = callingCode + (digits.startsWith("0") ? digits.substring(1) : digits);
        } else {
            return new PhoneKey.Invalid(value, "phone number '" + value + "' is not a valid number in region "
                    + defaultRegion);
        }
        if (international.length() < 8 || international.length() > 15) {
            return new PhoneKey.Invalid(value, "phone number '" + value + "' is not a valid number");
        }
        return new PhoneKey.Valid("+" + international,
                international.substring(Math.max(0, international.length() - PhoneKey.CREATIO_DIGITS)));
    }

    @Override
    public String fullName(String raw) {
        return Arrays.stream(WORDS.split(folded(raw))).filter(word -> !word.isEmpty()).sorted()
                .collect(Collectors.joining(" "));
    }

    private static String folded(String raw) {
        String decomposed = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
