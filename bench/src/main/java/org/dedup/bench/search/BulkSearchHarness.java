package org.dedup.bench.search;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.bench.data.PairQuality;
import org.dedup.bench.data.PairSet;
import org.dedup.bench.data.PersonTenant;
import org.dedup.domain.model.Contact;
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
 * Bulk duplicate search over a generated tenant of N contacts (default 100,000, see {@link PersonTenant}). Prints
 * the pairs compared against all n(n-1)/2 pairs, the groups, pair precision and recall against the known truth,
 * and the times.
 *
 * <pre>java -Xmx8g -cp bench/target/benchmarks.jar org.dedup.bench.search.BulkSearchHarness 100000</pre>
 */
public final class BulkSearchHarness {
    private BulkSearchHarness() {
    }

    public static void main(String[] args) {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long start = System.nanoTime();
        PersonTenant tenant = PersonTenant.generate(target, PersonTenant.SEED);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        Outcome outcome = search(tenant, () -> { });
        Runtime runtime = Runtime.getRuntime();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        BulkSearchResult result = outcome.result();
        System.out.printf("records %,d (persons %,d); generated in %.1f s, standardized in %.1f s%n",
                tenant.contacts().size(), tenant.persons(), generateSeconds, outcome.standardize().toMillis() / 1000.0);
        System.out.printf("bulk search: %.2f s, pairs compared %,d of %,d possible (%.6f%%), groups %,d, "
                        + "oversized blocks %d, heap after ~%,d MB%n", result.elapsed().toMillis() / 1000.0,
                result.pairsCompared(), result.allPairs(), 100.0 * result.pairsCompared() / result.allPairs(),
                result.groups().size(), result.oversizedBlocks().size(), heapMb);
        System.out.println(outcome.quality());
    }

    /**
     * Standardizes the tenant's contacts and runs the bulk search over them with the preconfigured rules; the
     * pairs of each group found are scored against the tenant's persons. {@code whileHeld} runs after the search
     * while the standardized profiles are still held (a memory probe, say).
     */
    public static Outcome search(PersonTenant tenant, Runnable whileHeld) {
        long start = System.nanoTime();
        RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
        StandardizationOptions options = new StandardizationOptions("US", EmailFolding.NONE);
        List<Contact> contacts = tenant.contacts();
        List<RecordProfile> profiles = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            profiles.add(standardizer.contact(contact, options));
        }
        Duration standardize = Duration.ofNanos(System.nanoTime() - start);
        BulkSearchResult result = new BulkSearch().run(profiles, PreconfiguredRules.all(), Set.of(), List.of());
        whileHeld.run();
        Reference.reachabilityFence(profiles);
        Map<RecordRef, Integer> indexOf = new java.util.HashMap<>(contacts.size() * 2);
        for (int i = 0; i < contacts.size(); i++) {
            indexOf.put(contacts.get(i).id(), i);
        }
        PairSet found = new PairSet();
        for (DuplicateGroup group : result.groups()) {
            List<RecordRef> members = group.members();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    found.add(indexOf.get(members.get(i)), indexOf.get(members.get(j)));
                }
            }
        }
        return new Outcome(standardize, result, PairQuality.score(found, tenant.personOf(), tenant.truePairs()));
    }

    /**
     * One run of {@link #search}.
     *
     * @param standardize time spent standardizing the contacts
     * @param result      the bulk search's result (its own elapsed time and pairs compared)
     * @param quality     the groups' pairs against the known persons
     */
    public record Outcome(Duration standardize, BulkSearchResult result, PairQuality quality) {
    }
}
