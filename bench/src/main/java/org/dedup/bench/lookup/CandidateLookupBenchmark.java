package org.dedup.bench.lookup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.dedup.bench.NamedArgs;
import org.dedup.bench.seed.LeadCopy;
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
import org.dedup.domain.settings.SearchScope;
import org.dedup.persistence.Database;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;

/**
 * Candidate lookup latency on a big tenant: fills one tenant of a PostgreSQL schema with N leads (three match keys
 * each: email, E.164 phone, last-10 phone) by COPY, then times {@link JooqLeadRepository#findByKeys} for random
 * existing and missing keys and prints p50/p99/max. A filled schema is reused by the next run. The fill is
 * {@link LeadCopy}'s.
 *
 * <p>Arguments (all optional): {@code leads=1000000 lookups=20000 url=jdbc:postgresql://127.0.0.1:5432/test
 * schema=bench_lookup user=postgres password=}
 */
public final class CandidateLookupBenchmark {
    private static final TenantId TENANT = new TenantId("bench-big");
    private static final TenantId NEIGHBOUR = new TenantId("bench-small");
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
        try (Database database = LeadCopy.open(options.args(), options.schema(), 4)) {
            JooqLeadRepository leads = new JooqLeadRepository(database.dsl(), codec);
            long stored = leads.count(TENANT);
            if (stored != options.leads()) {
                long started = System.nanoTime();
                LeadCopy.execute(database, "truncate lead, lead_contact, lead_key");
                new LeadCopy().fill(database, options.leads(), this::rowsOf);
                System.out.printf(Locale.ROOT, "filled %,d leads (%,d keys) in %.1f s%n", options.leads(),
                        3L * options.leads(), (System.nanoTime() - started) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "reusing %,d stored leads of tenant %s%n", stored, TENANT);
            }
            measure(leads);
        }
    }

    /** Lead {@code n} of the big tenant; every hundredth also in a small second tenant sharing its keys. */
    private List<LeadCopy.Seeded> rowsOf(int n) {
        LeadCopy.Seeded big = new LeadCopy.Seeded(lead(TENANT, n), keys(n));
        return n % 100 == 0 ? List.of(big, new LeadCopy.Seeded(lead(NEIGHBOUR, n), keys(n))) : List.of(big);
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

    private record Options(int leads, int lookups, String schema, NamedArgs args) {
        static Options parse(String[] args) {
            NamedArgs given = NamedArgs.parse(args);
            return new Options(given.integer("leads", 1_000_000), given.integer("lookups", 20_000),
                    given.text("schema", "bench_lookup"), given);
        }
    }
}
