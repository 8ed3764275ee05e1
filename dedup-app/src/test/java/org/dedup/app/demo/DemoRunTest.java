package org.dedup.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.junit.jupiter.api.Test;

class DemoRunTest {
    @Test
    void theDemoMergesGeneratedDuplicatesWithoutAWrongMerge() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DedupConfig config = DedupConfig.defaults().withDatabase(DatabaseConfig.of(
                "jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        try (DedupApplication app = DedupApplication.start(config)) {
            DemoRun demo = new DemoRun(app.get(DuplicateControl.class), app.get(SettingsStore.class),
                    app.get(LeadRepository.class), new PrintStream(printed, true, StandardCharsets.UTF_8));
            DemoRun.Result result = demo.run(150, 7);
            demo.print(result);

            assertTrue(result.rightMerges() > 20, "duplicates are merged: " + result);
            assertEquals(0, result.wrongMerges(), "no two different people are merged: " + result);
            assertEquals(result.requests() - result.rightMerges(), result.leads());
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("precision"));
        }
    }
}
