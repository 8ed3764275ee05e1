package org.dedup.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.matchers.builtin.TrackingPixelMatcher;

/**
 * Runs generated requests through duplicate control and prints what it did, scored against the known truth:
 * a merge is right when the request and the lead it went into belong to the same person; a request is missed when
 * it created a new lead although its person already had one.
 */
public final class DemoRun {
    public static final TenantId TENANT = new TenantId("demo");
    private final DuplicateControl control;
    private final SettingsStore settings;
    private final LeadRepository leads;
    private final PrintStream out;

    public DemoRun(DuplicateControl control, SettingsStore settings, LeadRepository leads, PrintStream out) {
        this.control = control;
        this.settings = settings;
        this.leads = leads;
        this.out = out;
    }

    /** Counts of what happened, and the accuracy of the merges against the truth. */
    public record Result(int requests, long leads, Map<String, Integer> decisions, Map<String, Integer> mergesByMethod,
                         int rightMerges, int wrongMerges, int missed, Duration elapsed) {
        public double precision() {
            return rightMerges + wrongMerges == 0 ? 1.0 : (double) rightMerges / (rightMerges + wrongMerges);
        }

        public double recall() {
            return rightMerges + missed == 0 ? 1.0 : (double) rightMerges / (rightMerges + missed);
        }
    }

    public Result run(int people, long seed) {
        settings.saveSettings(TENANT, DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE, TrackingPixelMatcher.METHOD))
                .withMultiMatchPolicy(MultiMatchPolicy.UPDATE_NEWEST)
                .withAfterMerge(new AfterMerge.CreateTask("Check the merged request", Duration.ofHours(4), "sales-team"))
                .withStandardization(new StandardizationOptions("GB", EmailFolding.NONE)));
        List<DemoArrival> arrivals = new DemoDataGenerator(seed).generate(TENANT, people);
        out.printf("dedup demo: %d generated requests from %d people, names in Latin, Cyrillic, Greek and CJK%n",
                arrivals.size(), people);
        Map<LeadId, Integer> personOfLead = new HashMap<>();
        Map<Integer, Boolean> personHasLead = new HashMap<>();
        Map<String, Integer> decisions = new TreeMap<>();
        Map<String, Integer> byMethod = new TreeMap<>();
        int right = 0;
        int wrong = 0;
        int missed = 0;
        long start = System.nanoTime();
        int done = 0;
        for (DemoArrival arrival : arrivals) {
            Decision decision = control.receive(arrival.lead());
            decisions.merge(decision.getClass().getSimpleName(), 1, Integer::sum);
            if (decision instanceof Decision.Merged merged) {
                byMethod.merge(merged.method().id(), 1, Integer::sum);
                boolean correct = merged.mergedInto().stream()
                        .allMatch(id -> personOfLead.getOrDefault(id, -1) == arrival.person());
                if (correct) {
                    right++;
                } else {
                    wrong++;
                }
            } else {
                if (personHasLead.getOrDefault(arrival.person(), false)) {
                    missed++;
                }
                personOfLead.put(decision.lead(), arrival.person());
                personHasLead.put(arrival.person(), true);
            }
            if (++done % 1_000 == 0) {
                out.printf("  ... %d/%d requests%n", done, arrivals.size());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(arrivals.size(), leads.count(TENANT), decisions, byMethod, right, wrong, missed, elapsed);
    }

    /** The bulk duplicate search over the leads duplicate control left, as an admin would run it afterwards. */
    public void scan(DuplicateSearch search) {
        BulkSearchResult result = search.scan(TENANT);
        out.printf("bulk duplicate search over the stored leads: %d groups of remaining duplicates, %,d pairs compared "
                        + "of %,d possible, %.2f s%n", result.groups().size(), result.pairsCompared(), result.allPairs(),
                result.elapsed().toMillis() / 1000.0);
        result.groups().stream().limit(3).forEach(g -> out.printf("  group %s: %d leads, rules %s%n", g.id(),
                g.members().size(), g.rules()));
    }

    public void print(Result result) {
        out.printf("%nduplicate control of %d incoming requests took %.1f s (%.0f requests/s)%n", result.requests(),
                result.elapsed().toMillis() / 1000.0, result.requests() * 1000.0 / Math.max(1, result.elapsed().toMillis()));
        out.printf("decisions:        %s%n", result.decisions());
        out.printf("merges by method: %s (each merge also created a task)%n", result.mergesByMethod());
        out.printf("leads stored:     %d%n", result.leads());
        out.printf("accuracy against the known truth: precision %.3f (%d right, %d wrong merges), recall %.3f (%d missed)%n",
                result.precision(), result.rightMerges(), result.wrongMerges(), result.recall(), result.missed());
    }
}
