package org.dedup.standardization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libphonenumber's metadata compiled per country calling code on first use, from the same public metadata source
 * that {@link PhoneNumberUtil#getInstance()} reads. A calling code whose metadata cannot be compiled is left to
 * libphonenumber (logged once).
 */
final class NumberingPlans {
    private static final Logger LOG = LoggerFactory.getLogger(NumberingPlans.class);
    private static final String NON_GEOGRAPHICAL = "001";
    private static final int CALLING_CODES = 1_000;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final MetadataSource metadata =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private final boolean[] known = new boolean[CALLING_CODES];
    private final AtomicReferenceArray<CallingCodePlans> compiled = new AtomicReferenceArray<>(CALLING_CODES);
    private final Set<Integer> uncompilable = ConcurrentHashMap.newKeySet();
    private final Set<String> regions = Set.copyOf(util.getSupportedRegions());
    private final Map<String, NumberingPlan> homes = new ConcurrentHashMap<>();

    NumberingPlans() {
        for (int code : util.getSupportedCallingCodes()) {
            known[code] = true;
        }
    }

    /** Whether libphonenumber knows {@code code} as a country calling code. */
    boolean isCallingCode(int code) {
        return code > 0 && code < CALLING_CODES && known[code];
    }

    /** The plans of a known calling code; empty when its metadata could not be compiled. */
    Optional<CallingCodePlans> callingCode(int code) {
        CallingCodePlans plans = compiled.get(code);
        if (plans != null) {
            return Optional.of(plans);
        }
        if (uncompilable.contains(code)) {
            return Optional.empty();
        }
        try {
            compiled.compareAndSet(code, null, compile(code));
            return Optional.of(compiled.get(code));
        } catch (IllegalArgumentException e) {
            LOG.warn("Phone numbers of +{} are validated by libphonenumber alone: {}", code, e.getMessage());
            uncompilable.add(code);
            return Optional.empty();
        }
    }

    /** The plan of a region libphonenumber supports as a default region; empty for any other code. */
    Optional<NumberingPlan> region(String regionCode) {
        NumberingPlan home = regionCode == null ? null : homes.get(regionCode);
        if (home != null || regionCode == null || !regions.contains(regionCode)) {
            return Optional.ofNullable(home);
        }
        Optional<NumberingPlan> plan = callingCode(util.getCountryCodeForRegion(regionCode))
                .map(plans -> plans.region(regionCode));
        plan.ifPresent(found -> homes.put(regionCode, found));
        return plan;
    }

    private CallingCodePlans compile(int code) {
        List<NumberingPlan> plans = new ArrayList<>();
        for (String regionCode : util.getRegionCodesForCountryCode(code)) {
            PhoneMetadata regionMetadata = NON_GEOGRAPHICAL.equals(regionCode)
                    ? metadata.getMetadataForNonGeographicalRegion(code)
                    : metadata.getMetadataForRegion(regionCode);
            plans.add(new NumberingPlan(regionCode, regionMetadata));
        }
        return new CallingCodePlans(code, List.copyOf(plans));
    }
}
