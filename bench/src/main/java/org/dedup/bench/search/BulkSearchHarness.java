package org.dedup.bench.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.BulkSearch;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/**
 * Bulk duplicate search over a generated tenant of N contacts (default 100,000): persons with 0-3 duplicates each
 * whose name order, case, accents, email case and phone format vary. Prints the pairs compared against all
 * n(n-1)/2 pairs, the groups, pair precision and recall against the known truth, and the times.
 *
 * <pre>java -Xmx8g -cp bench/target/benchmarks.jar org.dedup.bench.search.BulkSearchHarness 100000</pre>
 */
public final class BulkSearchHarness {
    private static final String[] FIRST = {"José", "Anna", "Ivan", "Мария", "Γιώργος", "太郎", "Ole", "Chen", "Fatima",
            "Liam", "Zoë", "Raj", "Nina", "Omar", "Eva", "Kenji"};
    private static final String[] LAST = {"García", "Berg", "Petrov", "Смирнова", "Παπαδόπουλος", "山田", "Hansen",
            "Wang", "Khan", "Smith", "Müller", "Patel", "Novak", "Haddad", "Rossi", "Sato"};

    private BulkSearchHarness() {
    }

    public static void main(String[] args) {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(2026);
        RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
        StandardizationOptions options = new StandardizationOptions("US", EmailFolding.NONE);
        List<RecordProfile> profiles = new ArrayList<>(target);
        Map<RecordRef, Integer> personOf = new HashMap<>();
        long start = System.nanoTime();
        int person = 0;
        while (profiles.size() < target) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = "p" + person + "." + random.nextInt(1_000) + "@mail" + (person % 97) + ".com";
            String phone = String.format("+1 %03d %03d %04d", 201 + random.nextInt(700), 200 + random.nextInt(700),
                    random.nextInt(10_000));
            int copies = 1 + (random.nextDouble() < 0.4 ? 1 + random.nextInt(3) : 0);
            for (int c = 0; c < copies && profiles.size() < target; c++) {
                Contact contact = c == 0 ? contact(first + " " + last, email, phone)
                        : variant(random, first, last, email, phone);
                profiles.add(standardizer.contact(contact, options));
                personOf.put(contact.id(), person);
            }
            person++;
        }
        double standardizeSeconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        BulkSearchResult result = new BulkSearch().run(profiles, PreconfiguredRules.all(), Set.of(), List.of());
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        long truePairs = truePairs(personOf);
        long foundPairs = 0;
        long rightPairs = 0;
        for (DuplicateGroup group : result.groups()) {
            List<RecordRef> members = group.members();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    foundPairs++;
                    if (personOf.get(members.get(i)).equals(personOf.get(members.get(j)))) {
                        rightPairs++;
                    }
                }
            }
        }
        System.out.printf("records %,d (persons %,d); standardized in %.1f s%n", profiles.size(), person,
                standardizeSeconds);
        System.out.printf("bulk search: %.2f s, pairs compared %,d of %,d possible (%.6f%%), groups %,d, "
                        + "oversized blocks %d, heap after ~%,d MB%n", result.elapsed().toMillis() / 1000.0,
                result.pairsCompared(), result.allPairs(), 100.0 * result.pairsCompared() / result.allPairs(),
                result.groups().size(), result.oversizedBlocks().size(), heapMb);
        System.out.printf("pairs: found %,d, true %,d, right %,d -> precision %.4f, recall %.4f%n", foundPairs,
                truePairs, rightPairs, (double) rightPairs / Math.max(1, foundPairs),
                (double) rightPairs / Math.max(1, truePairs));
    }

    private static Contact variant(Random random, String first, String last, String email, String phone) {
        return switch (random.nextInt(4)) {
            case 0 -> contact(last + ", " + first, email.toUpperCase(java.util.Locale.ROOT), null);
            case 1 -> contact(first.toUpperCase(java.util.Locale.ROOT) + " " + last, null,
                    phone.replace("+1 ", "(").replaceFirst(" ", ") ").replace(' ', '-').replace(")-", ") "));
            case 2 -> contact(java.text.Normalizer.normalize(first + " " + last, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", ""), " " + email + " ", phone);
            default -> contact(last + " " + first, email, phone.replace(" ", ""));
        };
    }

    private static Contact contact(String name, String email, String phone) {
        return new Contact(ContactId.random(), name,
                phone == null ? List.of() : List.of(Phone.of(PhoneType.values()[(name.length()) % 4], phone)),
                email == null ? List.of() : List.of(Email.of(email)), Map.of());
    }

    private static long truePairs(Map<RecordRef, Integer> personOf) {
        Map<Integer, Integer> sizes = new HashMap<>();
        personOf.values().forEach(p -> sizes.merge(p, 1, Integer::sum));
        return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }
}
