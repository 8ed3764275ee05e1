package org.dedup.bench.duke;

import no.priv.garshol.duke.Cleaner;

/**
 * After Duke's {@code PhoneNumberCleaner}, which writes an international number as {@code +1 2015551234} but leaves
 * a national one as {@code 2015551234}: keeps the ten-digit national number of a North American number, so both
 * spellings of one phone are equal (what our standardizer does with its default region US).
 */
public final class NationalNumberCleaner implements Cleaner {
    @Override
    public String clean(String value) {
        String digits = value.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return digits.substring(1);
        }
        return digits.isEmpty() ? null : digits;
    }
}
