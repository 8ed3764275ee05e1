package org.dedup.domain.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.domain.store.Transactor;

/**
 * The scan jobs, telling of each scan that ends ({@code scan.finished}) and of the groups a finished scan leaves to
 * review ({@code review.opened}) through the outbox, in one transaction with the job's end.
 */
public final class PublishingScanJobStore implements ScanJobStore {
    private final ScanJobStore jobs;
    private final EventOutbox outbox;
    private final Transactor transactor;

    public PublishingScanJobStore(ScanJobStore jobs, EventOutbox outbox, Transactor transactor) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.transactor = transactor;
    }

    @Override
    public Optional<ScanJob> startUnlessRunning(ScanJob job) {
        return jobs.startUnlessRunning(job);
    }

    @Override
    public void end(ScanJob ended) {
        transactor.inTransaction(() -> {
            jobs.end(ended);
            outbox.add(events(ended));
            return null;
        });
    }

    @Override
    public Optional<ScanJob> find(TenantId tenant, UUID id) {
        return jobs.find(tenant, id);
    }

    @Override
    public List<ScanJob> recent(TenantId tenant, int limit) {
        return jobs.recent(tenant, limit);
    }

    @Override
    public void renew(Collection<ScanJob> running, Instant at) {
        jobs.renew(running, at);
    }

    @Override
    public int interruptStale(TenantId tenant, Instant heartbeatBefore, Instant at) {
        return jobs.interruptStale(tenant, heartbeatBefore, at);
    }

    private static List<DomainEvent> events(ScanJob job) {
        List<DomainEvent> events = new ArrayList<>();
        switch (job.outcome()) {
            case ScanJob.Done done -> {
                events.add(DomainEvent.of(job.tenant(), done.finished(), new EventData.ScanFinished(job.id(), "done",
                        done.summary().records(), done.summary().groups())));
                if (done.summary().groups() > 0) {
                    events.add(DomainEvent.of(job.tenant(), done.finished(),
                            new EventData.GroupsToReview(job.id(), done.summary().groups())));
                }
            }
            case ScanJob.Failed failed -> events.add(DomainEvent.of(job.tenant(), failed.finished(),
                    new EventData.ScanFinished(job.id(), "failed", 0, 0)));
            case ScanJob.Running running -> throw new IllegalArgumentException("a running scan has not ended");
            case ScanJob.Interrupted interrupted -> events.add(DomainEvent.of(job.tenant(), interrupted.finished(),
                    new EventData.ScanFinished(job.id(), "interrupted", 0, 0)));
        }
        return events;
    }
}
