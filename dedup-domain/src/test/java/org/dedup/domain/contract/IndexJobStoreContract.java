package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.index.IndexJob;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.index.IndexState;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;
import org.junit.jupiter.api.Test;

/** What every {@link IndexJobStore} adapter does; each test works in tenants of its own. */
public abstract class IndexJobStoreContract {
    private static final Duration SETTLE = Duration.ofSeconds(5);

    protected abstract IndexJobStore jobs();

    private static TenantId freshTenant() {
        return new TenantId("index-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private IndexJob started(TenantId tenant, MatchMethod method) {
        IndexJob job = IndexJob.started(tenant, method, 10, T0, T0.plus(SETTLE));
        jobs().start(job);
        return job;
    }

    @Test
    void aStartedJobIsReadBackAsStored() {
        TenantId tenant = freshTenant();
        IndexJob job = started(tenant, MatchMethod.PHONE);

        assertEquals(Optional.of(job), jobs().find(tenant, MatchMethod.PHONE));
        assertEquals(List.of(job), jobs().jobs(tenant));
        assertEquals(Optional.empty(), jobs().find(tenant, MatchMethod.EMAIL));
    }

    @Test
    void aJobAdvancesPageByPageAndEndsIndexed() {
        TenantId tenant = freshTenant();
        IndexJob job = started(tenant, MatchMethod.PHONE);
        IndexJob onePage = job.advanced(LeadId.random(), 5);
        IndexJob done = onePage.finished(3, T0.plus(Duration.ofMinutes(1)));

        assertTrue(jobs().advance(job, onePage));
        assertTrue(jobs().advance(onePage, done));

        IndexJob stored = jobs().find(tenant, MatchMethod.PHONE).orElseThrow();
        assertEquals(done, stored);
        assertEquals(List.of(IndexState.INDEXED, 8L), List.of(stored.state(), stored.leadsIndexed()));
    }

    @Test
    void aPageAlreadyTakenOrOfAnEarlierRunIsRefused() {
        TenantId tenant = freshTenant();
        IndexJob job = started(tenant, MatchMethod.PHONE);
        IndexJob onePage = job.advanced(LeadId.random(), 5);
        assertTrue(jobs().advance(job, onePage));

        assertFalse(jobs().advance(job, job.advanced(LeadId.random(), 5)), "that page was taken");
        IndexJob again = started(tenant, MatchMethod.PHONE);
        assertFalse(jobs().advance(onePage, onePage.advanced(LeadId.random(), 5)), "the job was started again");
        assertEquals(Optional.of(again), jobs().find(tenant, MatchMethod.PHONE));
    }

    @Test
    void onlyJobsStillIndexingAndPastTheirSettleTimeAreDue() {
        TenantId tenant = freshTenant();
        IndexJob phone = started(tenant, MatchMethod.PHONE);
        IndexJob email = started(tenant, MatchMethod.EMAIL);
        jobs().advance(email, email.finished(0, T0));

        assertFalse(jobs().due(T0, 100).stream().anyMatch(job -> job.tenant().equals(tenant)));
        assertEquals(List.of(phone), jobs().due(T0.plus(SETTLE), 100).stream()
                .filter(job -> job.tenant().equals(tenant)).toList());
    }

    @Test
    void aRemovedJobIsGoneAndTheOtherTenantsStay() {
        TenantId tenant = freshTenant();
        TenantId other = freshTenant();
        started(tenant, MatchMethod.PHONE);
        IndexJob theirs = started(other, MatchMethod.PHONE);

        jobs().remove(tenant, MatchMethod.PHONE);

        assertEquals(List.of(), jobs().jobs(tenant));
        assertEquals(List.of(theirs), jobs().jobs(other));
    }
}
