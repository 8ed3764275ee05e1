package org.dedup.domain.model;

/** Root of the exceptions dedup reports; the message says what failed and for which tenant or record. */
public class DedupException extends RuntimeException {
    public DedupException(String message) {
        super(message);
    }

    public DedupException(String message, Throwable cause) {
        super(message, cause);
    }
}
