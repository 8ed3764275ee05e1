package org.dedup.standardization;

import java.util.List;

/**
 * The numbering plans that share one country calling code (+1: US, CA, the Caribbean; +44: GB, GG, IM, JE), in
 * libphonenumber's order, main region first.
 */
record CallingCodePlans(int countryCode, List<NumberingPlan> plans) {

    CallingCodePlans {
        if (plans.isEmpty() || plans.stream().anyMatch(plan -> plan.countryCode() != countryCode)) {
            throw new IllegalArgumentException("plans of +" + countryCode + " disagree on their calling code");
        }
    }

    /** The plan libphonenumber parses with once this calling code is read: that of the main region. */
    NumberingPlan main() {
        return plans.getFirst();
    }

    NumberingPlan region(String regionCode) {
        for (NumberingPlan plan : plans) {
            if (plan.regionCode().equals(regionCode)) {
                return plan;
            }
        }
        throw new IllegalArgumentException(regionCode + " does not use +" + countryCode);
    }

    /**
     * libphonenumber's {@code isValidNumber}: the region is the only one of the calling code, or the first whose
     * leading digits or number types claim the number; the number must then be of a type of that region.
     */
    boolean isValid(String nationalNumber) {
        if (plans.size() == 1) {
            return main().hasTypeOf(nationalNumber);
        }
        for (NumberingPlan plan : plans) {
            if (plan.hasLeadingDigits()) {
                if (plan.leadingDigitsStart(nationalNumber)) {
                    return plan.hasTypeOf(nationalNumber);
                }
            } else if (plan.hasTypeOf(nationalNumber)) {
                return true;
            }
        }
        return false;
    }
}
