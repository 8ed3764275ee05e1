package org.dedup.app.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.SchedulesConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled bulk searches on PostgreSQL, with servers as {@code serve} starts them ({@link DedupApplication} with
 * its background work): a schedule fires, outlives the server that set it, runs once per due time however many
 * servers share the database, and never while the tenant's previous scan runs.
 */
class ScheduledScansPostgresTest {
    private static final TenantId ACME = new TenantId("acme");
    /** Every second: many due times in a few seconds of test. */
    private static final ScanSchedule EVERY_SECOND = new ScanSchedule("* * * * * *", "Europe/Berlin");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<DedupApplication> servers = new ArrayList<>();
    private String schema;

    @BeforeEach
    void createSchema() {
        schema = TestPostgres.createSchema("schedules");
    }

    @AfterEach
    void stopServersAndDropSchema() {
        servers.forEach(DedupApplication::close);
        TestPostgres.dropSchema(schema);
    }

    /** A server on the test's schema, looking for due runs every 100 ms. */
    private DedupApplication server() {
        DedupApplication app = application();
        app.startBackgroundWork();
        return app;
    }

    /** The application on the test's schema, not yet running schedules. */
    private DedupApplication application() {
        DedupApplication app = DedupApplication.start(DedupConfig.defaults()
                .withDatabase(new DatabaseConfig(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 4, schema))
                .withTenants(List.of(new TenantConfig("acme", "acme-secret-key-0001", List.of("email"), null, null,
                        null, null)))
                .withSchedules(new SchedulesConfig(100, 2)));
        servers.add(app);
        return app;
    }

    private void stop(DedupApplication server) {
        server.close();
        servers.remove(server);
    }

    private record Run(Instant started, String status) {
    }

    /** The tenant's scan jobs, oldest first, read from the table. */
    private List<Run> runs() {
        try (Connection connection = TestPostgres.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select started_at, status from " + schema + ".scan_job where tenant_id = ? order by started_at")) {
            select.setString(1, ACME.value());
            List<Run> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(new Run(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getString(2)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runs once {@code enough} holds of them; fails when it does not within {@link #PATIENCE}. */
    private List<Run> runsOnce(Predicate<List<Run>> enough) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<Run> runs = runs();
        while (!enough.test(runs)) {
            assertTrue(Instant.now().isBefore(deadline), "not seen within " + PATIENCE + ": " + runs);
            Thread.sleep(100);
            runs = runs();
        }
        return runs;
    }

    private static Predicate<List<Run>> doneAfter(Instant since, int count) {
        return runs -> runs.stream().filter(r -> r.started().isAfter(since) && r.status().equals("done")).count()
                >= count;
    }

    @Test
    void aScheduleRunsTheBulkSearchAtEachDueTime() throws Exception {
        DedupApplication server = server();
        Instant set = Instant.now();

        ScanSchedules.TenantSchedule schedule = server.schedules().set(ACME, EVERY_SECOND);

        assertTrue(schedule.nextRun().isAfter(set) && schedule.nextRun().isBefore(set.plusSeconds(2)),
                "the next run is the next due second: " + schedule.nextRun());
        runsOnce(doneAfter(set, 3));
    }

    @Test
    void aScheduleSurvivesARestartOfTheServer() throws Exception {
        DedupApplication first = server();
        first.schedules().set(ACME, new ScanSchedule("*/2 * * * * *", "UTC"));
        runsOnce(doneAfter(Instant.EPOCH, 1));
        stop(first);

        Instant restarted = Instant.now();
        DedupApplication second = server();

        assertEquals(new ScanSchedule("*/2 * * * * *", "UTC"), second.schedules().find(ACME).orElseThrow().schedule());
        runsOnce(doneAfter(restarted, 2));
    }

    @Test
    void twoServersOnOneDatabaseRunEachDueTimeOnce() throws Exception {
        DedupApplication one = application();
        DedupApplication other = application();
        // as a client behind a load balancer would: the same schedule set through each server
        one.schedules().set(ACME, EVERY_SECOND);
        other.schedules().set(ACME, EVERY_SECOND);
        Instant set = Instant.now();
        one.startBackgroundWork();
        other.startBackgroundWork();

        List<Run> runs = runsOnce(doneAfter(set, 6));
        stop(one);
        stop(other);

        Set<Instant> dueTimes = new HashSet<>();
        for (Run run : runs()) {
            // each starts within the polling interval of its due second, far less than a second
            assertTrue(dueTimes.add(run.started().truncatedTo(ChronoUnit.SECONDS)),
                    "two runs for the due time of " + run + ": " + runs);
        }
    }

    @Test
    void noRunStartsWhileTheTenantsScanRuns() throws Exception {
        DedupApplication server = server();
        ScanJobStore jobs = server.get(ScanJobStore.class);
        ScanJob running = ScanJob.running(ACME, Instant.now());
        jobs.startUnlessRunning(running);
        long replacementsBefore = groupReplacements();

        Instant firstDue = server.schedules().set(ACME, EVERY_SECOND).nextRun();
        awaitDueTimesPassed(server, firstDue.plusSeconds(3));

        assertEquals(List.of("running"), runs().stream().map(Run::status).toList(),
                "no scheduled scan started beside the running one");
        assertEquals(replacementsBefore, groupReplacements(), "no scan replaced the groups meanwhile");
        jobs.end(running.ended(new ScanJob.Failed(Instant.now(), "ended by the test")));
        runsOnce(doneAfter(running.started(), 1));
    }

    /** Waits until the tenant's execution has moved past {@code due}: every due time before it was taken. */
    private static void awaitDueTimesPassed(DedupApplication server, Instant due) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (server.schedules().find(ACME).orElseThrow().nextRun().isBefore(due)) {
            assertTrue(Instant.now().isBefore(deadline), "the schedule did not reach " + due);
            Thread.sleep(100);
        }
    }

    /** How many times the tenant's duplicate groups were replaced (each scan that ran to its end replaces them). */
    private long groupReplacements() {
        try (Connection connection = TestPostgres.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select coalesce(sum(replacements), 0) from " + schema + ".duplicate_group_set where tenant_id = ?")) {
            select.setString(1, ACME.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
