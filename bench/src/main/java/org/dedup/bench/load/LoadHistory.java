package org.dedup.bench.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dedup.bench.seed.LeadCopy;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.persistence.Database;
import org.dedup.persistence.control.JooqDecisionLog;
import org.dedup.persistence.control.JooqMergeJournal;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.transaction.JooqTransactor;

/**
 * The history a tenant of a million leads has behind it: the decision that created each stored person's lead and, for
 * every other person, a duplicate of theirs that arrived a second later and was merged into it, with its merge in the
 * journal. Without it the decision log and the merge journal start each run empty, and PostgreSQL's autovacuum,
 * whose thresholds grow with a table, vacuums and analyses them every minute of a run, as it never would a tenant's
 * (BENCHMARKS.md, fifteenth pass). All of it is dated before {@link LoadPeople#SEEDED_UNTIL}, so that a reset tells it
 * from what runs added.
 */
final class LoadHistory {
    private static final int PER_TRANSACTION = 2_000;

    private LoadHistory() {
    }

    /** Whether the tenant's history was written: a reset written before it had none. */
    static boolean written(Database database) {
        return database.dsl().fetchExists(database.dsl().selectOne().from("decision_log")
                .where("tenant_id = ? and decided_at < cast(? as timestamp with time zone)", LoadPeople.TENANT.value(),
                        LoadPeople.SEEDED_UNTIL.toString()));
    }

    /** Writes the history of stored people {@code 0 .. stored - 1}, then vacuums and analyses its tables. */
    static void write(Database database, LoadPeople people, int stored) throws SQLException {
        DocumentCodec codec = new DocumentCodec();
        JooqDecisionLog decisions = new JooqDecisionLog(database.dsl(), codec);
        JooqMergeJournal journal = new JooqMergeJournal(database.dsl(), codec);
        JooqTransactor transactor = new JooqTransactor(database.dsl());
        for (int from = 0; from < stored; from += PER_TRANSACTION) {
            int to = Math.min(stored, from + PER_TRANSACTION);
            List<DecisionLog.Recording> recordings = new ArrayList<>();
            List<MergeJournalEntry> merges = new ArrayList<>();
            for (int n = from; n < to; n++) {
                Lead lead = people.storedLead(n);
                recordings.add(new DecisionLog.Recording(LoadPeople.TENANT, Optional.empty(),
                        new Decision.Created(lead.id(), List.of(), List.of()), lead.createdAt()));
                if (n % 2 == 1) {
                    MergeJournalEntry merge = new MergeJournalEntry(MergeId.random(), LoadPeople.TENANT,
                            lead.createdAt().plusSeconds(1), MergeKind.DUPLICATE_CONTROL, lead, lead, List.of(),
                            List.of(), List.of(), List.of(), MergeState.APPLIED);
                    merges.add(merge);
                    recordings.add(new DecisionLog.Recording(LoadPeople.TENANT, Optional.empty(),
                            new Decision.Merged(List.of(lead.id()), MatchMethod.EMAIL, MergeTiming.ON_ARRIVAL,
                                    List.of(merge.id()), List.of(), List.of()), merge.at()));
                }
            }
            transactor.inTransaction(() -> {
                journal.appendAll(merges);
                decisions.recordAll(recordings);
                return null;
            });
        }
        LeadCopy.execute(database, "vacuum analyze decision_log", "vacuum analyze merge_journal");
    }
}
