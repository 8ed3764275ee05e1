package org.dedup.persistence.failure;

import java.util.function.Supplier;

import org.dedup.domain.model.TenantId;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Runs a statement and translates jOOQ's data-access exceptions (which wrap the driver's checked SQLException)
 * into domain exceptions naming the action, the record and the tenant. Domain exceptions pass through.
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
            throw new StorageException("could not " + action + " " + record + " of tenant " + tenant + ": "
                    + e.getMessage(), e);
        }
    }

    public static void run(String action, Object record, TenantId tenant, Runnable work) {
        attempt(action, record, tenant, () -> {
            work.run();
            return null;
        });
    }
}
