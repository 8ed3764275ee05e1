package org.dedup.bench.load;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

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

/**
 * The people of the load test. Stored person {@code n} (0 &le; n &lt; seed count) is a lead created in January
 * 2026 with one primary contact: a name, an email and a GB mobile {@code +44 7400 000000 + n}. Incoming requests
 * are new people (numbered above the stored ones, with GB mobiles from {@code +44 7500 000000}, so they never meet a
 * stored one's email or phone) or duplicates of a stored person by email (case changed), by phone (in one of six
 * national and international formats) or by both.
 */
final class LoadPeople {
    static final TenantId TENANT = new TenantId("load");
    static final String REGION = "GB";
    /** Stored people are created from here on, one second apart, until before SEEDED_UNTIL; runs create later. */
    static final Instant SEEDED_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant SEEDED_UNTIL = Instant.parse("2026-02-01T00:00:00Z");
    private static final long STORED_PHONES = 7_400_000_000L;
    private static final long NEW_PHONES = 7_500_000_000L;
    /** Starts of runs' new people lie this far apart at most, so their mobiles stay below +44 7600 000000. */
    private static final int NEW_PEOPLE_START_RANGE = 90_000_000;
    private static final String[] FIRST = {"Anna", "Björn", "Chloé", "Dmitri", "Elena", "François", "Grace", "Hiro",
            "Ines", "Jonas", "Katarzyna", "Liam", "María", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Søren", "Yuki"};
    private static final String[] LAST = {"Berg", "Carter", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ivanova",
            "Jensen", "Kowalski", "López", "Müller", "Novak", "O'Brien", "Petrov", "Rossi", "Schmidt", "Tanaka",
            "Weber", "Zhang"};
    private static final String[] SOURCES = {"web_form", "chat", "call", "email", "api"};

    /** What an incoming request is, and how often (out of 100). */
    enum Kind {
        NEW(55), SAME_EMAIL(20), SAME_PHONE(20), SAME_EMAIL_AND_PHONE(5);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** One incoming request: its kind and the JSON body of {@code POST /v1/leads}. */
    record Arrival(Kind kind, Map<String, Object> body) {
    }

    /** The high bits of a stored lead's id; the low bits are the person's number. */
    private static final long STORED_LEAD_ID = 0x10ad1eadL;
    private final int stored;

    LoadPeople(int stored) {
        this.stored = stored;
    }

    /** The number {@code n} of the stored person whose lead has this id ({@link #storedLead}). */
    static int storedNumber(UUID leadId) {
        if (leadId.getMostSignificantBits() != STORED_LEAD_ID) {
            throw new IllegalArgumentException(leadId + " is not the id of a stored person's lead");
        }
        return Math.toIntExact(leadId.getLeastSignificantBits());
    }

    /** Stored person {@code n} as the lead the seed writes. */
    Lead storedLead(int n) {
        Instant created = SEEDED_FROM.plusSeconds(n);
        Contact contact = new Contact(new ContactId(new UUID(0x10adc047L, n)), name(n),
                List.of(Phone.of(PhoneType.MOBILE, "+44" + (STORED_PHONES + n))), List.of(Email.of(email(n, ""))),
                Map.of());
        return new Lead(new LeadId(new UUID(STORED_LEAD_ID, n)), TENANT, "Deal " + n, PipelineStage.of("sales", "new"),
                SourceChannel.WEB_FORM, Set.of(), List.of(new LinkedContact(contact, ContactRole.PRIMARY)), List.of(),
                Map.of(), created, created, 0);
    }

    /**
     * The number of a run's first new person, the next ones numbered on from it: a random start above every stored
     * person, so that a new person never shares a stored one's email (only, at times, a name: namesakes).
     */
    long firstNewPerson(SplittableRandom random) {
        return stored + random.nextInt(NEW_PEOPLE_START_RANGE);
    }

    /** A request: a new person numbered {@code fresh}, or a duplicate of a random stored person. */
    Arrival arrival(SplittableRandom random, long fresh) {
        Kind kind = kind(random.nextInt(100));
        long n = kind == Kind.NEW ? fresh : random.nextInt(stored);
        String email = kind == Kind.NEW ? email(n, "new.") : email(n, "");
        long phone = kind == Kind.NEW ? NEW_PHONES + fresh : STORED_PHONES + n;
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", name(n));
        contact.put("primary", true);
        switch (kind) {
            case NEW, SAME_EMAIL_AND_PHONE -> {
                contact.put("emails", List.of(email));
                contact.put("phones", List.of(phone(random, phone)));
            }
            case SAME_EMAIL -> {
                contact.put("emails", List.of(random.nextBoolean() ? email.toUpperCase(Locale.ROOT) : email));
                if (random.nextBoolean()) {
                    contact.put("phones", List.of(phone(random, NEW_PHONES + fresh)));
                }
            }
            case SAME_PHONE -> {
                contact.put("phones", List.of(phone(random, phone)));
                if (random.nextBoolean()) {
                    contact.put("emails", List.of(email(fresh, "new.")));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Request from " + name(n));
        body.put("pipeline", "sales");
        body.put("stage", "incoming");
        body.put("incomingStage", true);
        body.put("source", SOURCES[random.nextInt(SOURCES.length)]);
        body.put("contacts", List.of(contact));
        return new Arrival(kind, body);
    }

    /** The six ways a GB mobile is written in requests; all standardize to the same E.164 key. */
    static List<String> formats(long national) {
        String digits = Long.toString(national);
        String area = digits.substring(0, 4);
        String rest = digits.substring(4);
        return List.of("+44" + digits, "+44 " + area + " " + rest, "0" + area + " " + rest,
                "0" + area + "-" + rest.substring(0, 3) + "-" + rest.substring(3), "(0" + area + ") " + rest,
                "0044 " + area + " " + rest);
    }

    private static Map<String, String> phone(SplittableRandom random, long national) {
        List<String> formats = formats(national);
        return Map.of("type", random.nextBoolean() ? "mobile" : "work",
                "number", formats.get(random.nextInt(formats.size())));
    }

    private static Kind kind(int percentile) {
        int below = 0;
        for (Kind kind : Kind.values()) {
            below += kind.weight;
            if (percentile < below) {
                return kind;
            }
        }
        throw new IllegalStateException("weights add up to " + below + ", not 100");
    }

    private static String name(long n) {
        return FIRST[(int) (n % FIRST.length)] + " " + LAST[(int) (n / FIRST.length % LAST.length)];
    }

    private static String email(long n, String prefix) {
        String[] domains = {"example.com", "example.org", "mail.example.net"};
        String local = name(n).toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
        return prefix + local + "." + n + "@" + domains[(int) (n % domains.length)];
    }
}
