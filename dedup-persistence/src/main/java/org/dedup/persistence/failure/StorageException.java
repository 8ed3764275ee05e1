package org.dedup.persistence.failure;

import org.dedup.domain.model.DedupException;

/** A database statement failed; the message says what was being done, to which record of which tenant. */
public class StorageException extends DedupException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
