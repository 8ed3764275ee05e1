package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.junit.jupiter.api.Test;

/** What every {@link ScanJobStore} adapter does. */
public abstract class ScanJobStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract ScanJobStore jobs();

    private static TenantId aTenant() {
        return new TenantId("scans-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aStartedJobIsFoundAsRunningByItsTenantOnly() {
        ScanJob job = ScanJob.running(aTenant(), T0);

        assertEquals(Optional.empty(), jobs().startUnlessRunning(job));

        assertEquals(Optional.of(job), jobs().find(job.tenant(), job.id()));
        assertTrue(jobs().find(aTenant(), job.id()).isEmpty());
    }

    @Test
    void aTenantRunsOneJobAtATimeAndTheSecondIsToldWhichRuns() {
        TenantId tenant = aTenant();
        ScanJob first = ScanJob.running(tenant, T0);
        jobs().startUnlessRunning(first);
        ScanJob second = ScanJob.running(tenant, T0.plusSeconds(1));

        assertEquals(Optional.of(first), jobs().startUnlessRunning(second));
        assertTrue(jobs().find(tenant, second.id()).isEmpty(), "the refused job is not stored");
        assertEquals(Optional.empty(), jobs().startUnlessRunning(ScanJob.running(aTenant(), T0)), "other tenants");
    }

    @Test
    void anEndedJobIsStoredWithItsOutcomeAndFreesItsTenant() {
        TenantId tenant = aTenant();
        ScanJob done = ScanJob.running(tenant, T0);
        jobs().startUnlessRunning(done);
        ScanJob.Done outcome = new ScanJob.Done(T0.plusSeconds(5), new ScanJob.Summary(10, 12, 45, 2,
                List.of("Lead: email [x]: 1001 records")));
        jobs().end(done.ended(outcome));
        ScanJob failed = ScanJob.running(tenant, T0.plusSeconds(6));

        assertEquals(Optional.empty(), jobs().startUnlessRunning(failed));
        jobs().end(failed.ended(new ScanJob.Failed(T0.plusSeconds(7), "the scan failed")));

        assertEquals(Optional.of(done.ended(outcome)), jobs().find(tenant, done.id()));
        assertEquals(new ScanJob.Failed(T0.plusSeconds(7), "the scan failed"),
                jobs().find(tenant, failed.id()).orElseThrow().outcome());
    }

    @Test
    void jobsLeftRunningAreEndedAsInterruptedAndTheirTenantsMayStartAgain() {
        TenantId tenant = aTenant();
        ScanJob left = ScanJob.running(tenant, T0);
        jobs().startUnlessRunning(left);
        Instant restart = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertEquals(1, jobs().interruptStale(tenant, restart, restart));

        assertEquals(new ScanJob.Interrupted(restart), jobs().find(tenant, left.id()).orElseThrow().outcome());
        assertEquals(Optional.empty(), jobs().startUnlessRunning(ScanJob.running(tenant, restart)));
    }

    @Test
    void aJobWhoseHeartbeatIsRenewedIsNotInterruptedWhileAStaleOneIs() {
        TenantId live = aTenant();
        TenantId stopped = aTenant();
        ScanJob renewed = ScanJob.running(live, T0);
        ScanJob left = ScanJob.running(stopped, T0);
        jobs().startUnlessRunning(renewed);
        jobs().startUnlessRunning(left);

        jobs().renew(List.of(renewed), T0.plusSeconds(120));
        jobs().interruptStale(live, T0.plusSeconds(60), T0.plusSeconds(130));
        jobs().interruptStale(stopped, T0.plusSeconds(60), T0.plusSeconds(130));

        assertEquals(new ScanJob.Running(), jobs().find(live, renewed.id()).orElseThrow().outcome());
        assertEquals(new ScanJob.Interrupted(T0.plusSeconds(130)), jobs().find(stopped, left.id()).orElseThrow()
                .outcome());
    }

    @Test
    void interruptingATenantsStaleJobsLeavesAnotherTenantsStaleJobsRunning() {
        TenantId tenant = aTenant();
        TenantId other = aTenant();
        ScanJob mine = ScanJob.running(tenant, T0);
        ScanJob theirs = ScanJob.running(other, T0);
        jobs().startUnlessRunning(mine);
        jobs().startUnlessRunning(theirs);

        assertEquals(1, jobs().interruptStale(tenant, T0.plusSeconds(60), T0.plusSeconds(130)));

        assertEquals(new ScanJob.Interrupted(T0.plusSeconds(130)), jobs().find(tenant, mine.id()).orElseThrow()
                .outcome());
        assertEquals(new ScanJob.Running(), jobs().find(other, theirs.id()).orElseThrow().outcome());
        assertEquals(Optional.of(theirs), jobs().startUnlessRunning(ScanJob.running(other, T0.plusSeconds(131))),
                "the other tenant's job still holds its tenant");
    }

    @Test
    void aTenantsLatestJobsComeLastStartedFirstAndOnlyItsOwn() {
        TenantId tenant = aTenant();
        ScanJob first = ScanJob.running(tenant, T0);
        jobs().startUnlessRunning(first);
        jobs().end(first.ended(new ScanJob.Failed(T0.plusSeconds(1), "the scan failed")));
        ScanJob second = ScanJob.running(tenant, T0.plusSeconds(2));
        jobs().startUnlessRunning(second);
        jobs().end(second.ended(new ScanJob.Interrupted(T0.plusSeconds(3))));
        ScanJob third = ScanJob.running(tenant, T0.plusSeconds(4));
        jobs().startUnlessRunning(third);
        jobs().startUnlessRunning(ScanJob.running(aTenant(), T0.plusSeconds(5)));

        assertEquals(List.of(third.id(), second.id()), jobs().recent(tenant, 2).stream().map(ScanJob::id).toList());
        assertEquals(3, jobs().recent(tenant, 10).size());
        assertEquals(List.of(), jobs().recent(aTenant(), 10));
    }
}
