package org.dedup.domain.model;

/** A record, setting or rule that breaks a rule of the model; the message names the field. */
public class InvalidRecordException extends DedupException {
    public InvalidRecordException(String message) {
        super(message);
    }
}
