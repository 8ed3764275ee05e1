package org.dedup.standardization;

import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** The regions national phone numbers can be read in: those libphonenumber has a numbering plan for. */
public final class PhoneRegions {
    private static final Set<String> SUPPORTED = Set.copyOf(PhoneNumberUtil.getInstance().getSupportedRegions());

    private PhoneRegions() {
    }

    /** Whether {@code region} (an ISO 3166 code such as GB, any case) is one of them. */
    public static boolean isSupported(String region) {
        return region != null && SUPPORTED.contains(region.toUpperCase(Locale.ROOT));
    }
}
