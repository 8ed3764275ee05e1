package org.dedup.domain.audit;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;

/** Runs a write and records who made it in the same transaction: a write is never kept without its actor. */
public final class Audited {
    private final AuditTrail trail;
    private final Transactor transactor;
    private final Clock clock;

    public Audited(AuditTrail trail, Transactor transactor, Clock clock) {
        this.trail = Require.nonNull(trail, "audit trail");
        this.transactor = Require.nonNull(transactor, "transactor");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Who writes, for which tenant. */
    public record Writer(TenantId tenant, String actor) {
        public Writer {
            Require.nonNull(tenant, "tenant");
            Require.nonBlank(actor, "actor");
        }
    }

    /** Runs {@code write}; {@code subject} names what it wrote from its result. */
    public <T> T write(Writer writer, AuditAction action, Supplier<T> write, Function<T, String> subject) {
        return transactor.inTransaction(() -> {
            T result = write.get();
            record(writer, action, subject.apply(result));
            return result;
        });
    }

    /** Records a write made in the caller's transaction. */
    public void record(Writer writer, AuditAction action, String subject) {
        trail.record(new AuditEvent(UUID.randomUUID(), writer.tenant(), clock.instant(), writer.actor(), action,
                subject));
    }
}
