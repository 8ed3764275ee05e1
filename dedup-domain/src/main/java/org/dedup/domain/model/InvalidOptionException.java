package org.dedup.domain.model;

/** A setting or limit with a value out of its range or set; {@link #option()} names it as it is written. */
public final class InvalidOptionException extends InvalidRecordException {
    private final String option;
    private final String problem;

    public InvalidOptionException(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
        this.problem = problem;
    }

    public String option() {
        return option;
    }

    public String problem() {
        return problem;
    }
}
