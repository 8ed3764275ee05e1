package org.dedup.app.console;

/**
 * What the API answered when it refused a form's values: its message, and the option it named ({@code option} of
 * the problem details, such as {@code afterMergeTask.dueInMinutes}; empty when it named none). A form names its
 * controls as the API names the options, so the message can be shown next to the control it is about.
 */
record FieldError(String option, String message) {
    static FieldError of(ApiClient.Answer refused) {
        return new FieldError(refused.body().path("option").asText(""), refused.error());
    }

    /** Whether the message is about the control {@code id}. */
    boolean names(String id) {
        return option.equals(id);
    }
}
