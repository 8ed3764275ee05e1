package org.dedup.domain.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dedup.domain.control.AfterMerge;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.control.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;

/**
 * The manual merge of duplicate search: any number of leads (two or more) become the chosen survivor; each field
 * comes from the record a person picked or by the survivorship policy; contacts, tasks and notes move to the
 * survivor; the others are deleted; all of it journaled in one transaction so that it can be undone.
 */
public final class ManualMerge {
    private final DuplicateControlPorts ports;
    private final Merges merges;
    private final Survivorship survivorship = new Survivorship();

    public ManualMerge(DuplicateControlPorts ports, Merges merges) {
        this.ports = ports;
        this.merges = merges;
    }

    public record Request(TenantId tenant, List<LeadId> leads, LeadId survivor, Map<String, LeadId> choices,
                          SurvivorshipPolicy policy) {
        public Request {
            leads = MergeChoices.records(leads, survivor);
            choices = Map.copyOf(choices);
        }
    }

    public MergeId merge(Request request) {
        return ports.transactor().inTransaction(() -> {
            List<Lead> records = ports.leads().findAll(request.tenant(), request.leads());
            for (LeadId id : request.leads()) {
                if (records.stream().noneMatch(l -> l.id().equals(id))) {
                    throw new RecordNotFoundException(request.tenant(), id);
                }
            }
            Lead survivor = records.stream().filter(l -> l.id().equals(request.survivor())).findFirst().orElseThrow();
            List<Lead> absorbed = records.stream().filter(l -> !l.id().equals(survivor.id())).toList();
            MergeOutcome outcome = survivorship.merge(survivor, records, request.choices(), request.policy());
            var options = ports.settings().settings(request.tenant()).standardization();
            List<MatcherFailure> failures = new ArrayList<>();
            return merges.apply(new Merges.Plan(MergeKind.MANUAL, survivor, outcome, absorbed, List.of(),
                    AfterMerge.noTask(), "", options), failures);
        });
    }
}
