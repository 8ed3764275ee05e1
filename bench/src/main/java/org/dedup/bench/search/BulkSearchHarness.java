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
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.BulkSearch;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.ModelScores;
import org.dedup.domain.search.ScanMethod;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.BigDataMatcherProvider;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/**
 * Bulk duplicate search over a generated tenant of N contacts (default 100,000, see {@link PersonTenant}). Prints
 * the pairs compared against all n(n-1)/2 pairs, the groups, pair precision and recall against the known truth,
 * and the times.
 *
 * <pre>java -Xmx8g -cp bench/target/benchmarks.jar org.dedup.bench.search.BulkSearchHarness 100000 [rules|big_data|both]</pre>
 */
public final class BulkSearchHarness {
    private BulkSearchHarness() {
    }

    public static void main(String[] args) {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ScanMethod method = args.length > 1 ? ScanMethod.named(args[1]) : ScanMethod.RULES;
        long start = System.nanoTime();
        PersonTenant tenant = PersonTenant.generate(target, PersonTenant.SEED);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        Outcome outcome = search(tenant, method, () -> { });
        Runtime runtime = Runtime.getRuntime();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        BulkSearchResult result = outcome.result();
        System.out.printf("records %,d (persons %,d); generated in %.1f s, standardized in %.1f s, model scored in "
                        + "%.1f s (%s)%n", tenant.contacts().size(), tenant.persons(), generateSeconds,
                outcome.standardize().toMillis() / 1000.0, outcome.model().toMillis() / 1000.0, method.id());
        System.out.printf("bulk search: %.2f s, pairs compared %,d of %,d possible (%.6f%%), groups %,d, "
                        + "oversized blocks %d, heap after ~%,d MB%n", result.elapsed().toMillis() / 1000.0,
                result.pairsCompared(), result.allPairs(), 100.0 * result.pairsCompared() / result.allPairs(),
                result.groups().size(), result.oversizedBlocks().size(), heapMb);
        System.out.println(outcome.quality());
    }

    /** {@link #search(PersonTenant, ScanMethod, Runnable)} by the preconfigured rules. */
    public static Outcome search(PersonTenant tenant, Runnable whileHeld) {
        return search(tenant, ScanMethod.RULES, whileHeld);
    }

    /**
     * Standardizes the tenant's contacts and runs the bulk search over them as {@code scan --method} does: the
     * preconfigured rules, the shipped BIG DATA model (its blocking and scores, as the {@code big_data} matcher's
     * record linker gives them), or both; the pairs of each group found are scored against the tenant's persons.
     * {@code whileHeld} runs after the search while the standardized profiles are still held (a memory probe, say).
     */
    public static Outcome search(PersonTenant tenant, ScanMethod method, Runnable whileHeld) {
        long start = System.nanoTime();
        RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
        StandardizationOptions options = new StandardizationOptions("US", EmailFolding.NONE);
        List<Contact> contacts = tenant.contacts();
        List<RecordProfile> profiles = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            profiles.add(standardizer.contact(contact, options));
        }
        Duration standardize = Duration.ofNanos(System.nanoTime() - start);
        long modelStart = System.nanoTime();
        ModelScores model = method == ScanMethod.RULES ? ModelScores.none() : modelScores(contacts, profiles);
        Duration modelTime = Duration.ofNanos(System.nanoTime() - modelStart);
        BulkSearchResult result = new BulkSearch().run(profiles,
                method == ScanMethod.BIG_DATA ? List.of() : PreconfiguredRules.all(), model, Set.of(), List.of());
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
        return new Outcome(standardize, modelTime, result,
                PairQuality.score(found, tenant.personOf(), tenant.truePairs()));
    }

    /** The shipped model's scored pairs of the contacts, by the {@code big_data} matcher's record linker. */
    private static ModelScores modelScores(List<Contact> contacts, List<RecordProfile> profiles) {
        RecordLinker linker = new BigDataMatcherProvider().create(MatcherConfig.empty("big_data")).recordLinker()
                .orElseThrow();
        List<ScannedRecord> records = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            records.add(new ScannedRecord.OfParty(contacts.get(i), profiles.get(i)));
        }
        return new ModelScores("big_data", linker.score(records));
    }

    /**
     * One run of {@link #search}.
     *
     * @param standardize time spent standardizing the contacts
     * @param model       time the model spent blocking and scoring (zero by the rules alone)
     * @param result      the bulk search's result (its own elapsed time and pairs compared)
     * @param quality     the groups' pairs against the known persons
     */
    public record Outcome(Duration standardize, Duration model, BulkSearchResult result, PairQuality quality) {
    }
}
