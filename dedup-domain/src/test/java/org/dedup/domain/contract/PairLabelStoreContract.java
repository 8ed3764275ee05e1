package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.PairLabel;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.RecordPair;
import org.junit.jupiter.api.Test;

/** What every {@link PairLabelStore} adapter does. */
public abstract class PairLabelStoreContract {
    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    protected abstract PairLabelStore labels();

    private static TenantId aTenant() {
        return new TenantId("labels-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void answersComeBackOldestFirstWithTheirPairsAndTimes() {
        TenantId tenant = aTenant();
        RecordPair first = new RecordPair(LeadId.random(), ContactId.random());
        RecordPair second = new RecordPair(CompanyId.random(), CompanyId.random());
        labels().save(tenant, new PairLabel(second, PairAnswer.UNSURE, NOON.plusSeconds(60)));
        labels().save(tenant, new PairLabel(first, PairAnswer.MATCH, NOON));

        assertEquals(List.of(new PairLabel(first, PairAnswer.MATCH, NOON),
                new PairLabel(second, PairAnswer.UNSURE, NOON.plusSeconds(60))), labels().all(tenant));
    }

    @Test
    void aNewAnswerForAPairReplacesTheEarlierOneWhicheverOrderItsRecordsCameIn() {
        TenantId tenant = aTenant();
        LeadId a = LeadId.random();
        LeadId b = LeadId.random();
        labels().save(tenant, new PairLabel(new RecordPair(a, b), PairAnswer.MATCH, NOON));
        labels().save(tenant, new PairLabel(new RecordPair(b, a), PairAnswer.NOT_A_MATCH, NOON.plusSeconds(1)));

        assertEquals(List.of(new PairLabel(new RecordPair(a, b), PairAnswer.NOT_A_MATCH, NOON.plusSeconds(1))),
                labels().all(tenant));
    }

    @Test
    void aTenantSeesItsOwnAnswersOnly() {
        TenantId mine = aTenant();
        TenantId other = aTenant();
        labels().save(other, new PairLabel(new RecordPair(LeadId.random(), LeadId.random()), PairAnswer.MATCH,
                NOON.truncatedTo(ChronoUnit.SECONDS)));

        assertEquals(List.of(), labels().all(mine));
    }
}
