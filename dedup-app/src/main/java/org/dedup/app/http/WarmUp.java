package org.dedup.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import com.google.inject.Inject;

import org.dedup.core.arrivals.Rehearsal;
import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.ArrivalOutcome;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.MirroringSettingsStore;
import org.dedup.standardization.PhoneSpellings;

/**
 * The domain's round of a server's warm-up: in one transaction, rolled back, synthetic people of a throwaway tenant
 * are stored, then arrivals ({@link SyntheticLeads}) go the way a real arrival goes after its HTTP request (its JSON
 * read and fingerprinted, duplicate control with its key locks, the decision written as JSON), decided alone and in
 * batches of growing size as the arrival queue decides them under load. Nearly half of them are duplicates of the
 * people stored before, so the merges read stored leads back from the database, decode them and update them, as
 * merges into a tenant's stored leads do.
 */
final class WarmUp {
    /** The tenant the synthetic leads belong to. */
    static final TenantId TENANT = Rehearsal.TENANT;
    private static final int STORED = 16;
    /** A round decides its arrivals in batches of these sizes, one after the other, as the queue takes them. */
    private static final List<Integer> BATCHES = List.of(1, 2, 1, 4, 8, 1, 16, 32);
    private final ArrivalBatches batches;
    private final Rehearsal rehearsal;
    private final JsonBodies json;
    private final MirroringSettingsStore settings;
    private final AtomicLong keys = new AtomicLong();

    /** What a round decided: arrivals (the stored people among them), how many merged, how many failed. */
    record Done(int arrivals, int merged, int failed) {
        static final Done NONE = new Done(0, 0, 0);

        Done plus(Done other) {
            return new Done(arrivals + other.arrivals, merged + other.merged, failed + other.failed);
        }
    }

    @Inject
    WarmUp(DuplicateControl control, Rehearsal rehearsal, JsonBodies json, MirroringSettingsStore settings) {
        this.batches = new ArrivalBatches(control);
        this.rehearsal = rehearsal;
        this.json = json;
        this.settings = settings;
    }

    /**
     * The synthetic leads of rounds that rehearse {@code served}'s arrivals: from now on the warm-up's tenant reads
     * its settings (its methods, policies and scope), and the leads' phones are written as in its region. With none,
     * the warm-up's tenant has its own settings.
     */
    SyntheticLeads rehearsing(Optional<TenantId> served) {
        served.ifPresentOrElse(settings::mirror, settings::stopMirroring);
        return new SyntheticLeads(PhoneSpellings.of(settings.settings(TENANT).standardization().defaultRegion()));
    }

    /** The warm-up's tenant has its own settings again. */
    void stopRehearsing() {
        settings.stopMirroring();
    }

    /** One round, all of it rolled back. */
    Done round(SyntheticLeads leads) {
        return rehearsal.rolledBack(() -> {
            List<ArrivalOutcome> outcomes = new ArrayList<>(decide(IntStream.range(0, STORED)
                    .mapToObj(leads::stored).toList()));
            int first = 0;
            for (int size : BATCHES) {
                int from = first;
                outcomes.addAll(decide(IntStream.range(from, from + size)
                        .mapToObj(i -> leads.arrival(i, STORED)).toList()));
                first += size;
            }
            int merged = 0;
            int failed = 0;
            for (ArrivalOutcome outcome : outcomes) {
                switch (outcome) {
                    case ArrivalOutcome.Decided(Decision decision) -> {
                        json.write(DecisionView.of(decision));
                        merged += decision instanceof Decision.Merged ? 1 : 0;
                    }
                    case ArrivalOutcome.Failed failure -> failed++;
                }
            }
            return new Done(outcomes.size(), merged, failed);
        });
    }

    private List<ArrivalOutcome> decide(List<byte[]> bodies) {
        return batches.decide(bodies.stream().map(this::read).toList());
    }

    /** An arrival read as {@code POST /v1/leads} reads one sent with an Idempotency-Key. */
    private LeadArrival read(byte[] synthetic) {
        JsonNode body = json.tree(synthetic);
        IncomingLead lead = json.parse(body, IncomingLeadRequest.class).toIncomingLead(TENANT);
        try {
            return new LeadArrival(lead, Optional.of(new IdempotencyKey("warm-up-" + keys.incrementAndGet())),
                    Optional.of(RequestFingerprints.of(body)), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("a synthetic lead of the warm-up could not be fingerprinted", e);
        }
    }
}
