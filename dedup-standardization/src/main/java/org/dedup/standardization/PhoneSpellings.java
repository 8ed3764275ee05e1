package org.dedup.standardization;

import java.util.List;
import java.util.stream.Stream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * A region's mobile numbers written the ways people write them in a form: E.164, international, national, national
 * with hyphens (with spaces where it has hyphens), national with its area in brackets, and international after the
 * region's own international prefix (00, 011, ...; international with hyphens where that prefix is a choice, as in
 * Brazil's carrier codes). All of a number's spellings standardize to the same number in that region. Made from
 * libphonenumber's example mobile number of the region, its last four digits replaced.
 */
public final class PhoneSpellings {
    /** How many spellings {@link #of(int)} gives; the first is E.164. */
    public static final int SPELLINGS = 6;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final int VARIED_DIGITS = 4;
    private static final int VARIANTS = 10_000;
    private final int countryCode;
    /** The example's national number without the digits a variant replaces. */
    private final String leadingDigits;
    private final String internationalPrefix;

    private PhoneSpellings(PhoneNumber example, String internationalPrefix) {
        this.countryCode = example.getCountryCode();
        String national = UTIL.getNationalSignificantNumber(example);
        this.leadingDigits = national.substring(0, national.length() - VARIED_DIGITS);
        this.internationalPrefix = internationalPrefix;
    }

    /** The spellings of {@code region}'s mobiles, or of GB's when libphonenumber has no example mobile for it. */
    public static PhoneSpellings of(String region) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        if (example == null) {
            return of("GB");
        }
        PhoneMetadata metadata = METADATA.getMetadataForRegion(region);
        String prefix = Stream.of(metadata.getPreferredInternationalPrefix(), metadata.getInternationalPrefix())
                .filter(digits -> !digits.isEmpty() && digits.chars().allMatch(Character::isDigit)).findFirst()
                .orElse(null);
        return new PhoneSpellings(example, prefix);
    }

    /** The spellings of the region's mobile number {@code variant} (its last four digits, modulo 10,000). */
    public List<String> of(int variant) {
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode)
                .setNationalNumber(Long.parseLong(leadingDigits + "%04d".formatted(Math.floorMod(variant, VARIANTS))));
        String nationalFormat = UTIL.format(number, PhoneNumberFormat.NATIONAL);
        String international = UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
        return List.of(UTIL.format(number, PhoneNumberFormat.E164), international, nationalFormat,
                nationalFormat.contains(" ") ? nationalFormat.replace(' ', '-') : nationalFormat.replace('-', ' '),
                bracketsToggled(nationalFormat),
                internationalPrefix == null ? international.replace(' ', '-')
                        : internationalPrefix + " " + international.substring(1));
    }

    /** "07400 123456" as "(07400) 123456"; a format with brackets ("(201) 555-0123") without them. */
    private static String bracketsToggled(String national) {
        if (national.contains("(")) {
            return national.replace("(", "").replace(")", "");
        }
        int area = national.indexOf(' ');
        return area < 0 ? "(" + national + ")" : "(" + national.substring(0, area) + ")" + national.substring(area);
    }
}
