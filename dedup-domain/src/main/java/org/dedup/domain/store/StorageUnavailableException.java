package org.dedup.domain.store;

import org.dedup.domain.model.DedupException;

/**
 * The store cannot be reached now (the database is down, restarting or out of connections): the work was not
 * done, or its transaction was rolled back, and may be retried. An adapter throws it instead of its technology's
 * connection errors, so callers such as the HTTP API can answer "try again later" rather than "failed".
 */
public class StorageUnavailableException extends DedupException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
