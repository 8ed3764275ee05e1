package org.dedup.bench.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ObjIntConsumer;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;

/**
 * A generated tenant of person contacts with known duplicates: each person has 0-3 duplicates whose name order,
 * case and accents, email case/whitespace and phone format (E.164, national, dashed) vary. The same target and
 * seed always give the same names, emails, phones and persons (contact ids are random), so two engines run in
 * separate JVMs see the same data.
 */
public final class PersonTenant {
    /** The seed the benchmarks have always used. */
    public static final long SEED = 2026;
    private static final String[] FIRST = {"José", "Anna", "Ivan", "Мария", "Γιώργος", "太郎", "Ole", "Chen", "Fatima",
            "Liam", "Zoë", "Raj", "Nina", "Omar", "Eva", "Kenji"};
    private static final String[] LAST = {"García", "Berg", "Petrov", "Смирнова", "Παπαδόπουλος", "山田", "Hansen",
            "Wang", "Khan", "Smith", "Müller", "Patel", "Novak", "Haddad", "Rossi", "Sato"};

    private final List<Contact> contacts;
    private final int[] personOf;
    private final int persons;

    private PersonTenant(List<Contact> contacts, int[] personOf, int persons) {
        this.contacts = List.copyOf(contacts);
        this.personOf = personOf;
        this.persons = persons;
    }

    /** {@code target} contacts generated from {@code seed}. */
    public static PersonTenant generate(int target, long seed) {
        List<Contact> contacts = new ArrayList<>(target);
        int[] personOf = new int[target];
        int persons = generate(target, seed, (contact, person) -> {
            personOf[contacts.size()] = person;
            contacts.add(contact);
        });
        return new PersonTenant(contacts, personOf, persons);
    }

    /**
     * The contacts of {@link #generate(int, long)}, given one at a time with their person's number and never held,
     * so a tenant of any size can be written out; how many persons they belong to.
     */
    public static int generate(int target, long seed, ObjIntConsumer<Contact> action) {
        Random random = new Random(seed);
        int generated = 0;
        int person = 0;
        while (generated < target) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = "p" + person + "." + random.nextInt(1_000) + "@mail" + (person % 97) + ".com";
            String phone = String.format("+1 %03d %03d %04d", 201 + random.nextInt(700), 200 + random.nextInt(700),
                    random.nextInt(10_000));
            int copies = 1 + (random.nextDouble() < 0.4 ? 1 + random.nextInt(3) : 0);
            for (int c = 0; c < copies && generated < target; c++, generated++) {
                action.accept(c == 0 ? contact(first + " " + last, email, phone)
                        : variant(random, first, last, email, phone), person);
            }
            person++;
        }
        return person;
    }

    /** The person of contact {@code index}. */
    public int personOf(int index) {
        return personOf[index];
    }

    /** Pairs of contacts of the same person: what a perfect search finds. */
    public long truePairs() {
        return PairQuality.samePairs(personOf);
    }

    /** The records, each person's original followed by its duplicates. */
    public List<Contact> contacts() {
        return contacts;
    }

    /** The person of each contact, by index in {@link #contacts()}. */
    public int[] personOf() {
        return personOf.clone();
    }

    /** How many persons the contacts belong to. */
    public int persons() {
        return persons;
    }

    @Override
    public String toString() {
        return "PersonTenant[" + contacts.size() + " contacts of " + persons + " persons]";
    }

    private static Contact variant(Random random, String first, String last, String email, String phone) {
        return switch (random.nextInt(4)) {
            case 0 -> contact(last + ", " + first, email.toUpperCase(Locale.ROOT), null);
            case 1 -> contact(first.toUpperCase(Locale.ROOT) + " " + last, null,
                    phone.replace("+1 ", "(").replaceFirst(" ", ") ").replace(' ', '-').replace(")-", ") "));
            case 2 -> contact(Normalizer.normalize(first + " " + last, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", ""), " " + email + " ", phone);
            default -> contact(last + " " + first, email, phone.replace(" ", ""));
        };
    }

    private static Contact contact(String name, String email, String phone) {
        return new Contact(ContactId.random(), name,
                phone == null ? List.of() : List.of(Phone.of(PhoneType.values()[(name.length()) % 4], phone)),
                email == null ? List.of() : List.of(Email.of(email)), Map.of());
    }
}
