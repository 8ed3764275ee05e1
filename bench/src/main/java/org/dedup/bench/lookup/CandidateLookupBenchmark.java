package org.dedup.bench.lookup;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.dedup.domain.control.SearchScope;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.Database;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Candidate lookup latency on a big tenant: fills one tenant of a PostgreSQL schema with N leads (three match keys
 * each: email, E.164 phone, last-10 phone) by COPY, then times {@link JooqLeadRepository#findByKeys} for random
 * existing and missing keys and prints p50/p99/max. A filled schema is reused by the next run.
 *
 * <p>Arguments (all optional): {@code leads=1000000 lookups=20000 url=jdbc:postgresql://127.0.0.1:5432/test
 * schema=bench_lookup user=postgres password=}
 */
public final class CandidateLookupBenchmark {
    private static final TenantId TENANT = new TenantId("bench-big");
    private static final TenantId NEIGHBOUR = new TenantId("bench-small");
    private static final int COPY_BATCH = 50_000;
    private static final int WARM_UP = 2_000;

    private final Options options;
    private final DocumentCodec codec = new DocumentCodec();

    private CandidateLookupBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new CandidateLookupBenchmark(Options.parse(args)).run();
    }

    private void run() throws SQLException, IOException {
        createSchema();
        try (Database database = Database.open(options.url() + "?currentSchema=" + options.schema(),
                options.user(), options.password(), 4)) {
            JooqLeadRepository leads = new JooqLeadRepository(database.dsl(), codec);
            long stored = leads.count(TENANT);
            if (stored != options.leads()) {
                long started = System.nanoTime();
                fill(database);
                System.out.printf(Locale.ROOT, "filled %,d leads (%,d keys) in %.1f s%n", options.leads(),
                        3L * options.leads(), (System.nanoTime() - started) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "reusing %,d stored leads of tenant %s%n", stored, TENANT);
            }
            measure(leads);
        }
    }

    private void createSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.url(), options.user(),
                options.password())) {
            connection.createStatement().execute("create schema if not exists " + options.schema());
        }
    }

    /** Truncates both tables and COPYs leads and keys in batches; a small second tenant shares every key. */
    private void fill(Database database) throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.createStatement().execute("truncate lead, lead_key");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < options.leads(); from += COPY_BATCH) {
                int to = Math.min(options.leads(), from + COPY_BATCH);
                StringBuilder leadRows = new StringBuilder(to - from << 9);
                StringBuilder keyRows = new StringBuilder(to - from << 8);
                for (int i = from; i < to; i++) {
                    Lead lead = lead(TENANT, i);
                    appendLead(leadRows, lead);
                    keys(i).forEach(key -> appendKey(keyRows, lead, key));
                    if (i % 100 == 0) {
                        Lead neighbour = lead(NEIGHBOUR, i);
                        appendLead(leadRows, neighbour);
                        keys(i).forEach(key -> appendKey(keyRows, neighbour, key));
                    }
                }
                copy.copyIn("copy lead (tenant_id, id, version, pipeline, stage, created_at, updated_at, document)"
                        + " from stdin with (format csv)", reader(leadRows));
                copy.copyIn("copy lead_key (tenant_id, namespace, key_value, lead_id) from stdin with (format csv)",
                        reader(keyRows));
            }
            connection.createStatement().execute("analyze lead");
            connection.createStatement().execute("analyze lead_key");
        }
    }

    private void measure(JooqLeadRepository leads) {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < WARM_UP; i++) {
            leads.findByKeys(TENANT, probe(random), SearchScope.everything(), 10);
        }
        long[] nanos = new long[options.lookups()];
        int found = 0;
        for (int i = 0; i < nanos.length; i++) {
            List<MatchKey> keys = probe(random);
            long started = System.nanoTime();
            List<LeadId> candidates = leads.findByKeys(TENANT, keys, SearchScope.everything(), 10);
            nanos[i] = System.nanoTime() - started;
            found += candidates.isEmpty() ? 0 : 1;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "findByKeys over %,d leads, %,d lookups (%,d hits): p50 %.3f ms, "
                        + "p99 %.3f ms, max %.3f ms%n", options.leads(), nanos.length, found,
                percentile(nanos, 0.50), percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    /** Email, E.164 and last-10 keys of a random lead; one probe in ten is for a lead that does not exist. */
    private List<MatchKey> probe(SplittableRandom random) {
        int n = random.nextInt(10) == 0 ? options.leads() + random.nextInt(1_000_000) : random.nextInt(options.leads());
        return List.copyOf(keys(n));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static Set<MatchKey> keys(int n) {
        String phone = phone(n);
        return Set.of(new MatchKey("primary_email", email(n)), new MatchKey("primary_phone", phone),
                new MatchKey("primary_phone_last10", phone.substring(phone.length() - 10)));
    }

    private static String email(int n) {
        return "person" + n + "@example.com";
    }

    private static String phone(int n) {
        return "+1" + (2_000_000_000L + n);
    }

    private static Lead lead(TenantId tenant, int n) {
        UUID id = new UUID(tenant.hashCode(), n);
        Contact contact = new Contact(new ContactId(new UUID(n, tenant.hashCode())), "Person " + n,
                List.of(Phone.of(PhoneType.MOBILE, phone(n))), List.of(Email.of(email(n))), Map.of());
        return new Lead(new LeadId(id), tenant, "Deal " + n, PipelineStage.of("sales", "new"), SourceChannel.WEB_FORM,
                Set.of(), List.of(new LinkedContact(contact, ContactRole.PRIMARY)), List.of(), Map.of(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 0);
    }

    private void appendLead(StringBuilder rows, Lead lead) {
        rows.append(lead.tenant().value()).append(',').append(lead.id().value()).append(",0,")
                .append(lead.stage().pipeline()).append(',').append(lead.stage().stage()).append(',')
                .append(lead.createdAt()).append(',').append(lead.updatedAt()).append(',')
                .append('"').append(codec.write(lead).replace("\"", "\"\"")).append("\"\n");
    }

    private static void appendKey(StringBuilder rows, Lead lead, MatchKey key) {
        rows.append(lead.tenant().value()).append(',').append(key.namespace()).append(',').append(key.value())
                .append(',').append(lead.id().value()).append('\n');
    }

    private static Reader reader(StringBuilder rows) {
        return new StringReader(rows.toString());
    }

    private record Options(int leads, int lookups, String url, String schema, String user, String password) {
        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("arguments are name=value, got '" + arg + "'");
                }
                given.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            return new Options(Integer.parseInt(given.getOrDefault("leads", "1000000")),
                    Integer.parseInt(given.getOrDefault("lookups", "20000")),
                    given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test"),
                    given.getOrDefault("schema", "bench_lookup"),
                    given.getOrDefault("user", "postgres"), given.getOrDefault("password", ""));
        }
    }
}
