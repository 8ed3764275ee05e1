package org.dedup.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dedup.bench.NamedArgs;
import org.dedup.bench.seed.LeadCopy;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SettingsSource;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.SettingsStore;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.dedup.matchers.runtime.TimeBudgetMatcherGuard;
import org.dedup.persistence.Database;
import org.dedup.persistence.control.JooqDecisionLog;
import org.dedup.persistence.control.JooqMergeJournal;
import org.dedup.persistence.index.JooqIndexJobStore;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.dedup.persistence.settings.JooqSettingsStore;
import org.dedup.persistence.transaction.JooqTransactor;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.dedup.testing.TestPostgres;

/** The load tenant on the tests' real PostgreSQL, in a scratch schema. */
class LoadSeedTest {
    private static final String SCHEMA = "load_seed_test";
    private static final NamedArgs ARGS = NamedArgs.parse(new String[] {"leads=30", "schema=" + SCHEMA,
            "url=" + TestPostgres.url()});
    private static final InstalledMatchers MATCHERS = new InstalledMatchers(
            MatcherRegistry.discover(Path.of("plugins")).createMatchers(Map.of()),
            new RecordStandardizer(new CreatioCompatibleStandardizer()), TimeBudgetMatcherGuard.withDefaultBudget());
    private static final String LEADS = "select id, version, updated_at, document from " + SCHEMA + ".lead order by id";
    private static final String KEYS = "select lead_id, namespace, key_value from " + SCHEMA
            + ".lead_key order by lead_id, namespace, key_value";
    private static final String CONTACTS = "select lead_id, position, contact_id, document from " + SCHEMA
            + ".lead_contact order by lead_id, position";

    @BeforeEach
    @AfterEach
    void dropSchema() throws SQLException {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void aServerStartedOnTheSeededTenantStartsNoReindex() throws Exception {
        NamedArgs withBigData = NamedArgs.parse(new String[] {"leads=30", "schema=" + SCHEMA,
                "url=" + TestPostgres.url(), "methods=email, phone, big_data"});
        new LoadSeed(withBigData).run();
        // what bench/load/lib.sh configures: the same methods and region, the file's policies, the file winning
        DuplicateControlSettings file = DuplicateControlSettings.defaults()
                .withStandardization(new StandardizationOptions(LoadPeople.REGION, EmailFolding.NONE))
                .withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE, new MatchMethod("big_data")))
                .withConflictPolicy(ConflictPolicy.UPDATE_EXISTING).withMultiMatchPolicy(MultiMatchPolicy.UPDATE_NEWEST);

        try (Database database = LeadCopy.open(withBigData, SCHEMA, 2)) {
            LeadIndexing indexing = indexing(database);
            new TenantSettings(settingsStore(database), MATCHERS, indexing).atStart(LoadPeople.TENANT, file,
                    SettingsSource.FILE);

            assertEquals(List.of(), indexing.jobs(LoadPeople.TENANT));
            assertEquals(Set.of(), indexing.notIndexed(LoadPeople.TENANT, file));
        }
    }

    @Test
    void aTenantLeftMidReindexIsRefilledNotReset() throws Exception {
        new LoadSeed(ARGS).run();
        NamedArgs withBigData = NamedArgs.parse(new String[] {"leads=30", "schema=" + SCHEMA,
                "url=" + TestPostgres.url(), "methods=email, phone, big_data"});
        try (Database database = LeadCopy.open(withBigData, SCHEMA, 2)) {
            // a server enabled big_data and stopped before its reindex of the stored leads ended
            DuplicateControlSettings seeded = settingsStore(database).settings(LoadPeople.TENANT);
            DuplicateControlSettings enabled = seeded.withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE,
                    new MatchMethod("big_data")));
            new TenantSettings(settingsStore(database), MATCHERS, indexing(database)).save(LoadPeople.TENANT,
                    enabled);
        }

        new LoadSeed(withBigData).run();

        assertEquals(List.of("30|"), rows("select count(distinct lead_id) from " + SCHEMA
                + ".lead_key where namespace like 'big_data%'"));
        try (Database database = LeadCopy.open(withBigData, SCHEMA, 2)) {
            assertEquals(List.of(), indexing(database).jobs(LoadPeople.TENANT));
        }
    }

    private static LeadIndexing indexing(Database database) {
        return new LeadIndexing(new JooqLeadRepository(database.dsl(), new DocumentCodec()), settingsStore(database),
                new JooqIndexJobStore(database.dsl()), MATCHERS, new JooqTransactor(database.dsl()),
                Clock.systemUTC(), LeadIndexing.SETTLE, LeadIndexing.PAGE);
    }

    private static SettingsStore settingsStore(Database database) {
        return new JooqSettingsStore(database.dsl(), new DocumentCodec());
    }

    @Test
    void resetPutsTheTenantBackAsSeededWhateverRunsDidToIt() throws Exception {
        new LoadSeed(ARGS).run();
        List<String> leads = rows(LEADS);
        List<String> keys = rows(KEYS);
        List<String> contacts = rows(CONTACTS);
        assertEquals(30, leads.size());

        // what a run does: merges into stored leads (new version, values and keys), creates leads, logs decisions
        execute("update " + SCHEMA + ".lead set version = version + 1, updated_at = now(), document = '{}'"
                        + " where id in (select id from " + SCHEMA + ".lead order by id limit 3)",
                "insert into " + SCHEMA + ".lead_key select tenant_id, 'primary_phone', '+447999999999', id from "
                        + SCHEMA + ".lead order by id limit 1",
                "delete from " + SCHEMA + ".lead_contact where lead_id = (select id from " + SCHEMA
                        + ".lead order by id limit 1)",
                "insert into " + SCHEMA + ".lead select tenant_id, gen_random_uuid(), 0, pipeline, stage, now(), now(),"
                        + " document from " + SCHEMA + ".lead order by id limit 2",
                "insert into " + SCHEMA + ".lead_key select l.tenant_id, 'primary_email', 'later@example.com', l.id from "
                        + SCHEMA + ".lead l where l.created_at >= timestamp with time zone '" + LoadPeople.SEEDED_UNTIL + "'");
        assertNotEquals(leads, rows(LEADS));

        new LoadSeed(ARGS).run();

        assertEquals(leads, rows(LEADS));
        assertEquals(keys, rows(KEYS));
        assertEquals(contacts, rows(CONTACTS));
    }

    @Test
    void theSeedAndAResetEachEndWithACheckpointSoThatARunReusesWalSegments() throws Exception {
        long before = checkpointsRequested();

        new LoadSeed(ARGS).run();
        long afterSeed = checkpointsRequested();
        new LoadSeed(ARGS).run();
        long afterReset = checkpointsRequested();

        assertEquals(List.of(before + 1, afterSeed + 1), List.of(afterSeed, afterReset));
    }

    /** The checkpoints asked for since the statistics were reset, the {@code checkpoint} command's among them. */
    private static long checkpointsRequested() throws SQLException {
        return Long.parseLong(rows("select checkpoints_req from pg_stat_bgwriter").getFirst().replace("|", ""));
    }

    @Test
    void theSeedWritesTheStoredPeoplesHistoryAndAResetKeepsItAndDeletesWhatRunsLogged() throws Exception {
        new LoadSeed(ARGS).run();
        String history = "select kind, lead_id, decided_at from " + SCHEMA
                + ".decision_log order by decided_at, kind";
        String journal = "select id, survivor, merged_at from " + SCHEMA + ".merge_journal order by merged_at";
        List<String> decisions = rows(history);
        List<String> merges = rows(journal);
        assertEquals(30 + 15, decisions.size(), "a creation for each of 30 people, a merge into every other one");
        assertEquals(15, merges.size());
        try (Database database = LeadCopy.open(ARGS, SCHEMA, 2)) {
            // the history is written as the product writes it, and reads back
            assertEquals(45, new JooqDecisionLog(database.dsl(), new DocumentCodec())
                    .recent(LoadPeople.TENANT, 100).size());
            assertEquals(15, new JooqMergeJournal(database.dsl(), new DocumentCodec())
                    .recent(LoadPeople.TENANT, 100).size());
        }

        // what a run logs: decisions and merges dated after the seeded month
        execute("insert into " + SCHEMA + ".decision_log (tenant_id, id, decided_at, idempotency_key, kind, lead_id,"
                        + " document) select tenant_id, gen_random_uuid(), now(), 'run-1', kind, lead_id, document from "
                        + SCHEMA + ".decision_log limit 1",
                "insert into " + SCHEMA + ".merge_journal (tenant_id, id, merged_at, kind, state, survivor, document)"
                        + " select tenant_id, gen_random_uuid(), now(), kind, state, survivor, document from " + SCHEMA
                        + ".merge_journal limit 1");
        new LoadSeed(ARGS).run();

        assertEquals(decisions, rows(history));
        assertEquals(merges, rows(journal));
    }

    private static List<String> rows(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(result.getString(c)).append('|');
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ARGS.url(), ARGS.user(), ARGS.password());
    }
}
