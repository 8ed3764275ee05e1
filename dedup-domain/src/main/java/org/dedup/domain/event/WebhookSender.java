package org.dedup.domain.event;

/**
 * Port: sends one delivery to its webhook, signed, and says whether the receiver accepted it (a 2xx answer).
 * Never throws for a receiver's failure: that is an outcome.
 */
public interface WebhookSender {

    Outcome send(Delivery delivery);

    /** What the receiver did with a delivery. */
    sealed interface Outcome {
    }

    /** It answered 2xx: delivered. */
    record Accepted() implements Outcome {
    }

    /** It answered otherwise, or not in time, or could not be reached; the reason names which, for operators. */
    record Failed(String reason) implements Outcome {
    }
}
