package org.dedup.app.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.model.TrackingPixel;

/**
 * Generates people with names in several scripts (Latin with accents, Cyrillic, Greek, CJK), emails and phones
 * of several countries, and the requests they send: a first request, then repeats that vary the way real ones do
 * (another channel, the phone in national or international format, the email in other case, names reordered or
 * without accents, a chat carrying the pixel of an earlier chat). Deterministic for a seed.
 */
public final class DemoDataGenerator {
    private static final List<List<String>> FIRST = List.of(
            List.of("José", "François", "Zoë", "Łukasz", "Ingrid", "Émilie", "Søren", "Müge", "Ana", "Jürgen"),
            List.of("Иван", "Ольга", "Дмитрий", "Анна", "Сергей", "Мария", "Алексей", "Елена"),
            List.of("Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Κώστας", "Σοφία"),
            List.of("太郎", "花子", "伟", "芳", "健", "美咲"));
    private static final List<List<String>> LAST = List.of(
            List.of("García", "Müller", "Ødegaard", "Wiśniewski", "Dubois", "Çelik", "Nowak", "Schröder", "Silva",
                    "Jensen", "O'Brien", "Smith"),
            List.of("Петров", "Смирнова", "Иванов", "Кузнецова", "Попов", "Соколова"),
            List.of("Παπαδόπουλος", "Γεωργίου", "Νικολάου", "Οικονόμου"),
            List.of("山田", "王", "佐藤", "李", "鈴木"));
    private static final List<String> DOMAINS = List.of("gmail.com", "outlook.com", "mail.ru", "yahoo.co.jp",
            "example.de", "company.gr");
    private final Random random;

    public DemoDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    private record Person(int id, String first, String last, String email, String phoneE164, String nationalGb,
                          String pixel) {
    }

    public List<DemoArrival> generate(TenantId tenant, int people) {
        List<DemoArrival> arrivals = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Person person = person(i);
            arrivals.add(new DemoArrival(request(tenant, person, SourceChannel.CHAT, person.first() + " " + person.last(),
                    person.email(), international(person.phoneE164()), true), i, "first request"));
            int repeats = random.nextDouble() < 0.45 ? 1 + random.nextInt(3) : 0;
            for (int r = 0; r < repeats; r++) {
                arrivals.add(repeat(tenant, person));
            }
        }
        Collections.shuffle(arrivals, random);
        return arrivals;
    }

    private DemoArrival repeat(TenantId tenant, Person person) {
        return switch (random.nextInt(6)) {
            case 0 -> new DemoArrival(request(tenant, person, SourceChannel.WEB_FORM, person.first() + " " + person.last(),
                    person.email().toUpperCase(java.util.Locale.ROOT), null, false), person.id(), "email in upper case");
            case 1 -> new DemoArrival(request(tenant, person, SourceChannel.CALL, person.last() + " " + person.first(), null,
                    person.nationalGb() != null ? person.nationalGb() : person.phoneE164(), false), person.id(),
                    "phone only, other format");
            case 2 -> new DemoArrival(request(tenant, person, SourceChannel.EMAIL, stripAccents(person.first()) + " "
                    + stripAccents(person.last()), " " + person.email() + " ", null, false), person.id(),
                    "no accents, email with spaces");
            case 3 -> new DemoArrival(request(tenant, person, SourceChannel.CHAT, person.first(), null, null, true),
                    person.id(), "chat with pixel only");
            case 4 -> new DemoArrival(request(tenant, person, SourceChannel.API, person.first() + " " + person.last(),
                    null, dashed(person.phoneE164()), false), person.id(), "phone with dashes");
            default -> new DemoArrival(request(tenant, person, SourceChannel.WEB_FORM, person.last(), person.email(),
                    person.phoneE164(), false), person.id(), "email and phone");
        };
    }

    private Person person(int id) {
        int script = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
        String first = pick(FIRST.get(script));
        String last = pick(LAST.get(script));
        String handle = script == 0 ? stripAccents(first + "." + last).toLowerCase(java.util.Locale.ROOT)
                .replace("'", "").replace("ł", "l").replace("ø", "o") : "client" + id;
        String email = handle + id + "@" + pick(DOMAINS);
        int country = random.nextInt(5);
        String subscriber = String.format("%04d", id % 10_000);
        return switch (country) {
            case 0 -> new Person(id, first, last, email, "+44207946" + subscriber.substring(1), "0207 946 "
                    + subscriber.substring(1), "px-" + id);
            case 1 -> new Person(id, first, last, email, "+1415555" + subscriber, null, "px-" + id);
            case 2 -> new Person(id, first, last, email, "+4930123" + subscriber, null, "px-" + id);
            case 3 -> new Person(id, first, last, email, "+7495123" + subscriber, null, "px-" + id);
            default -> new Person(id, first, last, email, "+81312" + subscriber + "78", null, "px-" + id);
        };
    }

    private IncomingLead request(TenantId tenant, Person person, SourceChannel source, String name, String email,
                                 String phone, boolean withPixel) {
        Contact contact = new Contact(ContactId.random(), name,
                phone == null ? List.of() : List.of(Phone.of(PhoneType.values()[random.nextInt(4)], phone)),
                email == null ? List.of() : List.of(Email.of(email)), Map.of());
        return new IncomingLead(tenant, "Request from " + name, PipelineStage.incoming("sales"), source,
                withPixel ? Set.of(new TrackingPixel(person.pixel())) : Set.of(),
                List.of(new LinkedContact(contact, ContactRole.PRIMARY)), List.of(), Map.of());
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String international(String e164) {
        return e164.substring(0, 3) + " " + e164.substring(3);
    }

    private static String dashed(String e164) {
        return e164.substring(0, e164.length() - 4) + "-" + e164.substring(e164.length() - 4);
    }

    private static String stripAccents(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
