package org.dedup.domain.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.MergeOutcome;
import org.dedup.domain.merge.MergeResult;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMerges;

/**
 * One way in to the manual merge of leads, contacts or companies, carried out or only previewed, with the
 * survivorship rule named. Leads take any {@linkplain SurvivorshipPolicy#NAMEABLE nameable rule} (default
 * {@code newest}); contacts and companies carry no times or source to rank by, so they keep the survivor's values
 * and fill what it lacks from the most complete record, and a rule named for them is refused.
 */
public final class RecordMerges {
    private final ManualMerge leads;
    private final Parties parties;

    public RecordMerges(ManualMerge leads, Parties parties) {
        this.leads = Require.nonNull(leads, "lead merges");
        this.parties = Require.nonNull(parties, "contact and company merges");
    }

    /**
     * A merge request of any kind: the records (survivor among them), per field the record whose value to keep,
     * the rule's name (blank: the kind's default) and the lead versions the caller decided on.
     */
    public record Request(TenantId tenant, RecordKind kind, List<UUID> records, UUID survivor,
                          Map<String, UUID> choices, String rule, Map<UUID, Long> seenVersions) {
        public Request {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(kind, "record kind");
            records = Require.copy(records, "merged records");
            Require.nonNull(survivor, "survivor");
            choices = Map.copyOf(choices);
            Require.nonNull(rule, "survivorship rule");
            seenVersions = Map.copyOf(seenVersions);
            if (kind != RecordKind.LEAD && !rule.isBlank()) {
                throw new InvalidRecordException("survivorship rule '" + rule + "' applies to lead merges only: a "
                        + kind.name().toLowerCase(java.util.Locale.ROOT) + " merge keeps the survivor's values and "
                        + "fills what it lacks from the most complete record");
            }
        }

        public Request(TenantId tenant, RecordKind kind, List<UUID> records, UUID survivor,
                       Map<String, UUID> choices, String rule) {
            this(tenant, kind, records, survivor, choices, rule, Map.of());
        }
    }

    /** The record a merge would leave ({@code result}: a lead, contact or company) and where each field comes from. */
    public record Preview(RecordKind kind, RecordRef survivor, Object result, List<FieldProvenance> fields) {
        public Preview {
            Require.nonNull(kind, "record kind");
            Require.nonNull(survivor, "survivor");
            Require.nonNull(result, "resulting record");
            fields = Require.copy(fields, "field provenance");
        }
    }

    /** Merges the records; the result names the matchers that failed (only leads are indexed by matchers). */
    public MergeResult merge(Request request) {
        return switch (request.kind()) {
            case LEAD -> leads.merge(leadRequest(request));
            case CONTACT -> MergeResult.withoutMatchers(parties.contacts().merge(partyRequest(request)));
            case COMPANY -> MergeResult.withoutMatchers(parties.companies().merge(partyRequest(request)));
        };
    }

    /** What {@link #merge} would leave; nothing is written. */
    public Preview preview(Request request) {
        return switch (request.kind()) {
            case LEAD -> {
                MergeOutcome outcome = leads.preview(leadRequest(request));
                yield new Preview(RecordKind.LEAD, outcome.survivor().id(), outcome.survivor(),
                        outcome.provenance());
            }
            case CONTACT -> partyPreview(parties.contacts(), request);
            case COMPANY -> partyPreview(parties.companies(), request);
        };
    }

    private static <P extends Party> Preview partyPreview(PartyMerges<P> merges, Request request) {
        PartyMerges.Preview<P> preview = merges.preview(partyRequest(request));
        return new Preview(request.kind(), preview.after().id(), preview.after(), preview.provenance());
    }

    private static ManualMerge.Request leadRequest(Request request) {
        Map<String, LeadId> choices = new HashMap<>();
        request.choices().forEach((field, id) -> choices.put(field, new LeadId(id)));
        Map<LeadId, Long> seen = new HashMap<>();
        request.seenVersions().forEach((id, version) -> seen.put(new LeadId(id), version));
        SurvivorshipPolicy policy = request.rule().isBlank() ? SurvivorshipPolicy.newestWins()
                : SurvivorshipPolicy.named(request.rule());
        return new ManualMerge.Request(request.tenant(), request.records().stream().map(LeadId::new).toList(),
                new LeadId(request.survivor()), choices, policy, seen);
    }

    private static PartyMerges.Request partyRequest(Request request) {
        RecordKind kind = request.kind();
        Map<String, RecordRef> choices = new HashMap<>();
        request.choices().forEach((field, id) -> choices.put(field, RecordRef.of(kind, id)));
        return new PartyMerges.Request(request.tenant(),
                request.records().stream().map(id -> RecordRef.of(kind, id)).toList(),
                RecordRef.of(kind, request.survivor()), choices);
    }
}
