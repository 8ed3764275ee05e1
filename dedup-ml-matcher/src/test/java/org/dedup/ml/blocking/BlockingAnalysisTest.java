package org.dedup.ml.blocking;

import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.TestData.chicago;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockingAnalysisTest {
    private final LabelledRecords train = chicago("chicago_train20.csv");
    private final BlockingAnalysis analysis = new BlockingAnalysis(train, KeyRule.of(RecordSchema.companies()),
            Blocker.MAX_BLOCK);

    @Test
    void theChosenRulesReachTheCompletenessAimWithinTheCandidateBudget() {
        BlockingAnalysis.Choice choice = analysis.choose(0.95, 20, 200);
        assertTrue(choice.reachesAim(), choice.toString());
        assertTrue(choice.pairsCompleteness() >= 0.95, choice.toString());
        assertTrue(choice.candidatesPerRecord() <= 20, choice.toString());
    }

    @Test
    void aBudgetTooSmallForTheAimIsReportedAsNotReachingIt() {
        BlockingAnalysis.Choice choice = analysis.choose(0.95, 1, 200);
        assertTrue(!choice.reachesAim() && choice.candidatesPerRecord() <= 1, choice.toString());
    }

    @Test
    void eachRuleReportsItsCandidatesTruePairsAndLargestBlocks() {
        BlockingAnalysis.RuleReport phone = analysis.report("ph");
        assertEquals(train.truePairCount(), phone.truePairs());
        assertTrue(phone.trueCandidatePairs() > 0 && phone.trueCandidatePairs() <= phone.candidatePairs());
        assertTrue(phone.largestBlocks().getFirst().records() >= phone.largestBlocks().getLast().records());
    }
}
