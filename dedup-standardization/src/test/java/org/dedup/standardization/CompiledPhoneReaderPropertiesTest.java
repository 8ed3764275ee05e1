package org.dedup.standardization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.dedup.domain.standardize.PhoneKey;

/**
 * The compiled fast path must decide exactly like libphonenumber: the same key or the same reason for every input,
 * in every region, and its automata must match exactly like the metadata's regular expressions.
 */
class CompiledPhoneReaderPropertiesTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final List<String> REGIONS = List.copyOf(new TreeSet<>(UTIL.getSupportedRegions()));
    private static final List<String> EXAMPLES = examples();

    private final PhoneStandardizer phones = new PhoneStandardizer();

    @Property(tries = 20_000)
    void realisticNumbersGetLibphonenumbersKey(@ForAll("realisticNumbers") String raw, @ForAll("regions") String region) {
        assertEquals(withLibphonenumberOnly(raw, region), phones.standardize(raw, region), raw + " in " + region);
    }

    @Property(tries = 20_000)
    void digitStringsGetLibphonenumbersKey(@ForAll("digitStrings") String raw, @ForAll("regions") String region) {
        assertEquals(withLibphonenumberOnly(raw, region), phones.standardize(raw, region), raw + " in " + region);
    }

    @Property(tries = 3_000)
    void anyTextGetsLibphonenumbersKey(@ForAll("anyText") String raw, @ForAll("regions") String region) {
        assertEquals(withLibphonenumberOnly(raw, region), phones.standardize(raw, region), raw + " in " + region);
    }

    /** The accept/reject outcome of plain libphonenumber on the text as written, without this module's compaction. */
    @Property(tries = 20_000)
    void validatesExactlyAsPlainLibphonenumber(@ForAll("realisticNumbers") String raw, @ForAll("regions") String region) {
        String plainE164;
        try {
            PhoneNumber number = UTIL.parse(raw, region);
            plainE164 = UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            plainE164 = null;
        }
        PhoneKey key = phones.standardize(raw, region);
        assertEquals(plainE164, key instanceof PhoneKey.Valid valid ? valid.e164() : null, raw + " in " + region);
    }

    /**
     * Every example number, in E.164 and national format, with each digit changed, dropped or doubled, where it
     * belongs and from GB and US.
     */
    @Example
    void everyExampleNumberAndItsNeighboursGetLibphonenumbersKey() {
        Random random = new Random(7);
        for (String example : EXAMPLES.stream().filter(CompiledPhoneReaderPropertiesTest::isE164OrNational).toList()) {
            String region = regionOf(example);
            for (String variant : neighbours(example, random)) {
                for (String from : new String[] {region, "GB", "US"}) {
                    assertEquals(withLibphonenumberOnly(variant, from), phones.standardize(variant, from),
                            variant + " in " + from);
                }
            }
        }
    }

    /**
     * Without this, every test above would pass with a reader that leaves every number to libphonenumber. RFC 3966
     * forms ("tel:+44-20-...") are not compacted, so libphonenumber reads them.
     */
    @Example
    void theCompiledReaderDecidesNearlyAllExampleNumbers() {
        CompiledPhoneReader reader = new CompiledPhoneReader();
        List<String> compactable = EXAMPLES.stream().filter(example -> !example.startsWith("tel:")).toList();
        long decided = compactable.stream()
                .filter(example -> reader.read(PhoneStandardizer.compact(example), regionOf(example))
                        != PhoneReading.UNSURE)
                .count();
        assertTrue(decided > compactable.size() * 0.99, decided + " of " + compactable.size());
    }

    @Example
    void unknownAndMissingRegionsAreLeftToLibphonenumber() {
        for (String region : new String[] {null, "", "ZZ", "gb", "001", "XX"}) {
            for (String raw : new String[] {"+44 20 7946 0958", "020 7946 0958", "+1 415 555 2671", "12"}) {
                assertEquals(withLibphonenumberOnly(raw, region), phones.standardize(raw, region), raw + " in " + region);
            }
        }
    }

    @Example
    void everyCallingCodesMetadataCompiles() {
        NumberingPlans plans = new NumberingPlans();
        for (int code : UTIL.getSupportedCallingCodes()) {
            assertTrue(plans.callingCode(code).isPresent(), "+" + code);
        }
    }

    @Example
    void automataMatchLikeTheMetadatasRegularExpressions() {
        Random random = new Random(42);
        Set<String> inputs = new LinkedHashSet<>();
        for (String example : EXAMPLES) {
            String digits = example.replaceAll("\\D", "");
            inputs.add(digits);
            inputs.add(mutated(digits, random));
            for (int cut = 1; cut < 4 && cut < digits.length(); cut++) {
                inputs.add(digits.substring(cut));
            }
        }
        for (int i = 0; i < 2_000; i++) {
            inputs.add(randomDigits(random, random.nextInt(18)));
        }
        for (String regex : metadataPatterns()) {
            DigitPattern compiled = DigitPattern.compile(regex);
            Pattern expected = Pattern.compile(regex);
            for (String input : inputs) {
                assertEquals(expected.matcher(input).matches(), compiled.matches(input), regex + " ~ " + input);
                assertEquals(expected.matcher(input).lookingAt(), compiled.matchesPrefixOf(input), regex + " ~ " + input);
            }
        }
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("GB", "US", "DE", "FR", "IT", "BR", "AR", "MX", "IN", "CN", "RU", "JP")),
                Tuple.of(7, Arbitraries.of(REGIONS)));
    }

    @Provide
    Arbitrary<String> realisticNumbers() {
        return Combinators.combine(Arbitraries.of(EXAMPLES), Arbitraries.integers().between(0, 5),
                Arbitraries.randoms()).as((example, change, random) -> switch (change) {
                    case 0 -> mutated(example, random);
                    case 1 -> example.replaceFirst("^\\+", "00");
                    case 2 -> example.replaceFirst("^\\+", "+0");
                    default -> example;
                });
    }

    @Provide
    Arbitrary<String> digitStrings() {
        Arbitrary<String> prefixes = Arbitraries.of("", "", "+", "+", "0", "00", "011", "+1", "+44", "+39", "8", "1",
                "44", "+00", "0044", "001", "810", "+7", "+800", "+882", "+54 9");
        return Combinators.combine(prefixes, Arbitraries.strings().withChars("0123456789").ofMinLength(0)
                .ofMaxLength(18), Arbitraries.of("", " ", "-", "(", ")"))
                .as((prefix, digits, separator) -> prefix + separator + digits);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("+0123456789 ()-./x#*;,").ofMaxLength(30),
                Arbitraries.strings().withChars("+0123456789\u0660\u0661\uFF11\uFF0B ext").ofMaxLength(25));
    }

    private PhoneKey withLibphonenumberOnly(String raw, String region) {
        String value = raw.strip();
        return value.isEmpty() ? phones.standardize(raw, region)
                : phones.withLibphonenumber(value, PhoneStandardizer.compact(value), region);
    }

    /** Example numbers of every type of every region and non-geographical entity, in every format. */
    private static List<String> examples() {
        List<String> examples = new ArrayList<>();
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String region : REGIONS) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    numbers.add(example);
                }
            }
            PhoneNumber invalid = UTIL.getInvalidExampleNumber(region);
            if (invalid != null) {
                numbers.add(invalid);
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
            if (example != null) {
                numbers.add(example);
            }
        }
        for (PhoneNumber number : numbers) {
            for (PhoneNumberFormat format : PhoneNumberFormat.values()) {
                examples.add(UTIL.format(number, format));
            }
        }
        return List.copyOf(examples);
    }

    /** Every number type, leading-digits and national-prefix pattern the metadata has. */
    private static List<String> metadataPatterns() {
        List<String> patterns = new ArrayList<>();
        for (int code : UTIL.getSupportedCallingCodes()) {
            for (String region : UTIL.getRegionCodesForCountryCode(code)) {
                PhoneMetadata metadata = "001".equals(region)
                        ? METADATA.getMetadataForNonGeographicalRegion(code) : METADATA.getMetadataForRegion(region);
                for (PhoneNumberDesc desc : List.of(metadata.getGeneralDesc(), metadata.getFixedLine(),
                        metadata.getMobile(), metadata.getTollFree(), metadata.getPremiumRate(),
                        metadata.getSharedCost(), metadata.getVoip(), metadata.getPersonalNumber(),
                        metadata.getPager(), metadata.getUan(), metadata.getVoicemail())) {
                    if (!desc.getNationalNumberPattern().isEmpty()) {
                        patterns.add(desc.getNationalNumberPattern());
                    }
                }
                if (metadata.hasLeadingDigits()) {
                    patterns.add(metadata.getLeadingDigits());
                }
            }
        }
        return patterns;
    }

    private static boolean isE164OrNational(String example) {
        return !example.startsWith("tel:") && !(example.startsWith("+") && example.contains(" "));
    }

    private static String regionOf(String example) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(example, "ZZ"));
            return region == null || "001".equals(region) ? "DE" : region;
        } catch (NumberParseException e) {
            return "FR";
        }
    }

    private static List<String> neighbours(String number, Random random) {
        List<String> neighbours = new ArrayList<>(List.of(number));
        for (int at = 0; at < number.length(); at++) {
            if (Character.isDigit(number.charAt(at))) {
                String digit = String.valueOf(random.nextInt(10));
                neighbours.add(number.substring(0, at) + digit + number.substring(at + 1));
                neighbours.add(number.substring(0, at) + number.substring(at + 1));
                neighbours.add(number.substring(0, at) + number.charAt(at) + number.substring(at));
            }
        }
        return neighbours;
    }

    /** One digit changed, dropped or added. */
    private static String mutated(String number, Random random) {
        List<Integer> digitPositions = new ArrayList<>();
        for (int i = 0; i < number.length(); i++) {
            if (Character.isDigit(number.charAt(i))) {
                digitPositions.add(i);
            }
        }
        if (digitPositions.isEmpty()) {
            return number;
        }
        int at = digitPositions.get(random.nextInt(digitPositions.size()));
        String digit = String.valueOf(random.nextInt(10));
        return switch (random.nextInt(3)) {
            case 0 -> number.substring(0, at) + digit + number.substring(at + 1);
            case 1 -> number.substring(0, at) + number.substring(at + 1);
            default -> number.substring(0, at) + digit + number.substring(at);
        };
    }

    private static String randomDigits(Random random, int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
