package org.dedup.app.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.SchedulesConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.H2Url;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the embedded H2 database (one server holds its file) a schedule fires and outlives a restart too. */
class ScheduledScansH2Test {
    private static final TenantId ACME = new TenantId("acme");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("dedup");
    }

    private DedupApplication server() {
        DedupApplication app = DedupApplication.start(DedupConfig.defaults()
                .withDatabase(DatabaseConfig.of(url()))
                .withTenants(List.of(new TenantConfig("acme", "acme-secret-key-0001", List.of("email"), null, null,
                        null, null)))
                .withSchedules(new SchedulesConfig(100, 1)));
        app.startBackgroundWork();
        return app;
    }

    /**
     * Waits until the tenant's next run is after {@code due}: with a cron of every second, a run ended after
     * {@code due} minus a second (the execution moves on only by running).
     */
    private static void awaitRunPast(DedupApplication server, Instant due) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!server.schedules().find(ACME).orElseThrow().nextRun().isAfter(due)) {
            assertTrue(Instant.now().isBefore(deadline), "no run past " + due + " within " + PATIENCE);
            Thread.sleep(100);
        }
    }

    /** Scans of the tenant that ran to their end, read from the table while the server holds the database. */
    private long scansDone() throws SQLException {
        try (Connection connection = DriverManager.getConnection(H2Url.compatible(url()), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from dedup.scan_job where status = 'done'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aScheduleFiresAndSurvivesARestartOnH2() throws Exception {
        ScanSchedule everySecond = new ScanSchedule("* * * * * *", "UTC");
        try (DedupApplication first = server()) {
            awaitRunPast(first, first.schedules().set(ACME, everySecond).nextRun());
            assertTrue(scansDone() >= 1, "a scan ran");
        }
        try (DedupApplication second = server()) {
            ScanSchedules.TenantSchedule kept = second.schedules().find(ACME).orElseThrow();
            assertEquals(everySecond, kept.schedule());
            long before = scansDone();
            awaitRunPast(second, Instant.now().plusSeconds(1));
            assertTrue(scansDone() > before, "a scan ran after the restart");
        }
    }
}
