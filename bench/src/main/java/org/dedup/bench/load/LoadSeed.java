package org.dedup.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.bench.NamedArgs;
import org.dedup.bench.seed.LeadCopy;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.index.IndexState;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.SettingsStore;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.dedup.matchers.runtime.TimeBudgetMatcherGuard;
import org.dedup.persistence.Database;
import org.dedup.persistence.index.JooqIndexJobStore;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.dedup.persistence.settings.JooqSettingsStore;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/**
 * Puts the load tenant in its starting state: {@code leads} stored people, indexed under exactly the keys the
 * server computes for the tenant's {@code methods} (default {@code email, phone}, as the server's configuration
 * enables them: the matchers of those methods and the duplicate-search keys over the product's standardizer), with
 * those methods and that standardization stored as the tenant's settings and no reindex job: a server started on the
 * tenant finds every method it enables indexed, so it starts no reindex of the stored leads; and the decisions and
 * merges that made them ({@link LoadHistory}). A schema that already holds them, seeded for the same methods, is reset
 * instead of refilled: the leads, decisions, merges and activities of earlier runs are deleted and the stored leads
 * they merged into restored, the history kept ({@code reseed=true} refills).
 */
final class LoadSeed {
    private static final StandardizationOptions OPTIONS = new StandardizationOptions(LoadPeople.REGION,
            EmailFolding.NONE);
    private final NamedArgs args;
    private final InstalledMatchers matchers;
    private final DuplicateControlSettings settings;

    LoadSeed(NamedArgs args) {
        this.args = args;
        this.settings = DuplicateControlSettings.defaults().withStandardization(OPTIONS).withMethods(
                Arrays.stream(args.text("methods", "email, phone").split(",")).map(String::strip)
                        .filter(id -> !id.isEmpty()).map(MatchMethod::new).collect(Collectors.toSet()));
        this.matchers = new InstalledMatchers(MatcherRegistry.discover(Path.of("plugins")).createMatchers(Map.of()),
                new RecordStandardizer(new CreatioCompatibleStandardizer()), TimeBudgetMatcherGuard.withDefaultBudget());
    }

    void run() throws SQLException, IOException {
        int leads = args.integer("leads", 1_000_000);
        if (LoadPeople.SEEDED_FROM.plusSeconds(leads).isAfter(LoadPeople.SEEDED_UNTIL)) {
            throw new IllegalArgumentException("at most 2,678,400 stored leads (one a second in January 2026)");
        }
        checkPhoneFormats();
        try (Database database = LeadCopy.open(args, args.text("schema", "load_online"), 2)) {
            long stored = new JooqLeadRepository(database.dsl(), new DocumentCodec()).count(LoadPeople.TENANT);
            long started = System.nanoTime();
            LoadPeople people = new LoadPeople(leads);
            SettingsStore tenantSettings = new JooqSettingsStore(database.dsl(), new DocumentCodec());
            IndexJobStore jobs = new JooqIndexJobStore(database.dsl());
            if (stored >= leads && !Boolean.parseBoolean(args.text("reseed", "false"))
                    && indexedForTheSameMethods(tenantSettings, jobs)) {
                int restored = reset(database, people);
                if (!LoadHistory.written(database)) {
                    LoadHistory.write(database, people, leads);
                }
                storeAsIndexed(tenantSettings, jobs);
                checkpoint(database);
                System.out.printf(Locale.ROOT, "reset: %,d stored leads kept (%,d of them merged into by earlier runs "
                        + "and restored), later leads and logs deleted in %.1f s%n", leads, restored,
                        (System.nanoTime() - started) / 1e9);
                return;
            }
            LeadCopy.execute(database, "truncate lead, lead_contact, lead_key, decision_log, merge_journal, activity");
            new LeadCopy().fill(database, leads, n -> List.of(seeded(people.storedLead(n))));
            LoadHistory.write(database, people, leads);
            storeAsIndexed(tenantSettings, jobs);
            checkpoint(database);
            System.out.printf(Locale.ROOT, "seeded %,d leads of tenant %s in %.1f s%n", leads,
                    LoadPeople.TENANT.value(), (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Whether every stored lead carries the keys of exactly the methods asked for now: the stored settings enable
     * them and no reindex for one is under way. A schema seeded for other methods, before the seed stored its
     * settings, or left mid-reindex by a server is refilled, never reset under settings its keys do not match.
     */
    private boolean indexedForTheSameMethods(SettingsStore tenantSettings, IndexJobStore jobs) {
        return tenantSettings.storedSettings(LoadPeople.TENANT)
                .filter(stored -> stored.methods().equals(settings.methods())).isPresent()
                && jobs.jobs(LoadPeople.TENANT).stream().allMatch(job -> job.state() == IndexState.INDEXED);
    }

    /**
     * The seeded methods and standardization stored as the tenant's settings, and no reindex job left by an earlier
     * server (one stopped mid-job would resume it): every lead carries the keys of every method the settings enable.
     */
    private void storeAsIndexed(SettingsStore tenantSettings, IndexJobStore jobs) {
        tenantSettings.saveSettings(LoadPeople.TENANT, settings);
        jobs.jobs(LoadPeople.TENANT).forEach(job -> jobs.remove(job.tenant(), job.method()));
    }

    private LeadCopy.Seeded seeded(Lead lead) {
        List<MatcherFailure> failures = new ArrayList<>();
        Set<MatchKey> keys = matchers.indexKeys(lead, settings, failures);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("indexing " + lead.id() + " failed: " + failures);
        }
        return new LeadCopy.Seeded(lead, keys);
    }

    /**
     * Deletes what runs added and puts the stored people they merged into back as seeded, so that every run starts
     * from the same tenant: a stored lead that kept each run's merges would gain phones, emails and keys run after run.
     * Returns how many stored leads were restored.
     */
    private int reset(Database database, LoadPeople people) throws SQLException, IOException {
        String sinceRuns = " >= timestamp with time zone '" + LoadPeople.SEEDED_UNTIL + "'";
        String later = "created_at" + sinceRuns;
        String changed = "updated_at" + sinceRuns;
        int[] numbers = storedNumbers(database, "select id from lead where not " + later + " and " + changed);
        LeadCopy.execute(database,
                "delete from lead_key k using lead l where l.tenant_id = k.tenant_id and l.id = k.lead_id and (l."
                        + later + " or l." + changed + ")",
                "delete from lead where " + later + " or " + changed,
                "delete from decision_log where decided_at" + sinceRuns,
                "delete from merge_journal where merged_at" + sinceRuns,
                "truncate activity");
        new LeadCopy().fill(database, numbers, n -> List.of(seeded(people.storedLead(n))));
        // fill analyzed the tables. The indexes are rebuilt as well: a run's keys, deleted here, leave B-tree pages
        // split (after a day of runs the key index was 1,991 MB, rebuilt 726 MB), so without it no two runs would
        // start from the same indexes
        LeadCopy.execute(database, "vacuum lead", "vacuum lead_key", "vacuum lead_contact",
                "vacuum analyze decision_log", "vacuum analyze merge_journal",
                "reindex table lead", "reindex table lead_key", "reindex table lead_contact",
                "reindex table decision_log", "reindex table merge_journal");
        return numbers.length;
    }

    /**
     * A checkpoint after the seed's or the reset's writes, as a cluster that has run a while has had: at a checkpoint
     * PostgreSQL keeps the WAL segments it no longer needs for reuse. Without one since the cluster was created, every
     * segment a run fills is created and zero-filled while commits wait on it ({@code WALInitSync}): 16 MB written and
     * synced every few seconds, each time a stall of 100-300 ms (BENCHMARKS.md, seventeenth pass).
     */
    private static void checkpoint(Database database) throws SQLException {
        LeadCopy.execute(database, "checkpoint");
    }

    /** The numbers {@code n} of the stored people whose lead ids {@code query} selects. */
    private static int[] storedNumbers(Database database, String query) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet ids = statement.executeQuery(query)) {
            IntStream.Builder numbers = IntStream.builder();
            while (ids.next()) {
                numbers.add(LoadPeople.storedNumber(ids.getObject(1, UUID.class)));
            }
            return numbers.build().sorted().toArray();
        }
    }

    /** Every phone format of the request mix must find the stored lead; a format that does not is a bad test. */
    private void checkPhoneFormats() {
        Lead lead = new LoadPeople(1).storedLead(0);
        Set<MatchKey> stored = seeded(lead).keys();
        Contact contact = lead.primaryContact().orElseThrow();
        for (String format : LoadPeople.formats(7_400_000_000L)) {
            Lead variant = lead.withContacts(List.of(new LinkedContact(
                    contact.withPhones(List.of(Phone.of(PhoneType.MOBILE, format))), ContactRole.PRIMARY)));
            if (seeded(variant).keys().stream().filter(k -> k.namespace().equals("rule_phone"))
                    .noneMatch(stored::contains)) {
                throw new IllegalStateException("phone format '" + format + "' does not standardize to the stored key "
                        + stored);
            }
        }
    }
}
