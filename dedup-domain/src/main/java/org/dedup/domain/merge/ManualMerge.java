package org.dedup.domain.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.store.StaleRecordException;

/**
 * The manual merge of duplicate search: any number of leads (two or more) become the chosen survivor; each field
 * comes from the record a person picked or by the survivorship policy; contacts, tasks and notes move to the
 * survivor; the others are deleted; all of it journaled in one transaction so that it can be undone.
 */
public final class ManualMerge {
    private final MergePorts ports;
    private final Merges merges;
    private final Survivorship survivorship = new Survivorship();

    public ManualMerge(MergePorts ports, Merges merges) {
        this.ports = ports;
        this.merges = merges;
    }

    /**
     * The leads to merge, the one that remains, per field the lead whose value to keep, the rule for the others,
     * and the version of each lead the caller decided on ({@code seenVersions}; a lead not named there is merged as
     * it is stored).
     */
    public record Request(TenantId tenant, List<LeadId> leads, LeadId survivor, Map<String, LeadId> choices,
                          SurvivorshipPolicy policy, Map<LeadId, Long> seenVersions) {
        public Request {
            leads = MergeChoices.records(leads, survivor);
            choices = Map.copyOf(choices);
            Require.nonNull(policy, "survivorship policy");
            seenVersions = Map.copyOf(seenVersions);
        }

        public Request(TenantId tenant, List<LeadId> leads, LeadId survivor, Map<String, LeadId> choices,
                       SurvivorshipPolicy policy) {
            this(tenant, leads, survivor, choices, policy, Map.of());
        }
    }

    /**
     * Merges the request's leads; one that does not exist, or changed since the version the caller saw, refuses
     * them all. The result names the matchers that failed on the survivor.
     */
    public MergeResult merge(Request request) {
        return ports.transactor().inTransaction(() -> {
            Planned planned = planned(request);
            var options = ports.settings().settings(request.tenant()).standardization();
            List<MatcherFailure> failures = new ArrayList<>();
            MergeId merge = merges.apply(new Merges.Plan(MergeKind.MANUAL, planned.survivor(), planned.outcome(),
                    planned.absorbed(), List.of(), AfterMerge.noTask(), "", options), failures);
            return new MergeResult(merge, failures);
        });
    }

    /**
     * The lead {@link #merge} would leave, each field with its value, source record and rule, from the same stored
     * leads; nothing is written.
     */
    public MergeOutcome preview(Request request) {
        return ports.transactor().inTransaction(() -> planned(request).outcome());
    }

    private Planned planned(Request request) {
        List<Lead> records = ports.leads().findAll(request.tenant(), request.leads());
        for (LeadId id : request.leads()) {
            if (records.stream().noneMatch(l -> l.id().equals(id))) {
                throw new RecordNotFoundException(request.tenant(), id);
            }
        }
        for (Lead record : records) {
            Long seen = request.seenVersions().get(record.id());
            if (seen != null && seen != record.version()) {
                throw new StaleRecordException(request.tenant(), record.id(), seen);
            }
        }
        Lead survivor = records.stream().filter(l -> l.id().equals(request.survivor())).findFirst().orElseThrow();
        List<Lead> absorbed = records.stream().filter(l -> !l.id().equals(survivor.id())).toList();
        return new Planned(survivor, absorbed,
                survivorship.merge(survivor, records, request.choices(), request.policy()));
    }

    private record Planned(Lead survivor, List<Lead> absorbed, MergeOutcome outcome) {
    }
}
