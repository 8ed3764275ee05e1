package org.dedup.persistence.failure;

/** A write was refused because the tenant already holds the record or key it would create. */
public final class DuplicateRecordException extends StorageException {
    public DuplicateRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
