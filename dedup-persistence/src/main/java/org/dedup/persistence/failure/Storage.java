package org.dedup.persistence.failure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.StorageUnavailableException;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Runs a statement and translates jOOQ's data-access exceptions (which wrap the driver's checked SQLException)
 * into domain exceptions naming the action, the record and the tenant. Domain exceptions pass through. A database
 * that cannot be reached becomes {@link StorageUnavailableException}, anything else {@link StorageException}.
 */
public final class Storage {
    private Storage() {
    }

    public static <T> T attempt(String action, Object record, TenantId tenant, Supplier<T> work) {
        try {
            return work.get();
        } catch (IntegrityConstraintViolationException e) {
            throw new DuplicateRecordException("could not " + action + " " + record + " of tenant " + tenant
                    + ": it already exists (" + e.sqlState() + ")", e);
        } catch (DataAccessException e) {
            throw translated("could not " + action + " " + record + " of tenant " + tenant, e);
        }
    }

    public static void run(String action, Object record, TenantId tenant, Runnable work) {
        attempt(action, record, tenant, () -> {
            work.run();
            return null;
        });
    }

    /** {@code failure} as the domain exception it stands for, its message starting with {@code what}. */
    public static RuntimeException translated(String what, DataAccessException failure) {
        return unavailable(failure)
                ? new StorageUnavailableException(what + ": the database is unavailable (" + failure.getMessage() + ")",
                failure)
                : new StorageException(what + ": " + failure.getMessage(), failure);
    }

    /**
     * Whether the failure says the database could not be reached rather than that the statement was wrong: no
     * connection within the pool's timeout, a refused or broken connection (SQL state class 08), or a server
     * shutting down, crashed or starting up (57P01-57P03).
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
