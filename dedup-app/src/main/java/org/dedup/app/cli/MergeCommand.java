package org.dedup.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMerges;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Manual merge of two or more leads, contacts or companies into a survivor. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge records of one kind into a survivor; prints the merge id. Leads: newest "
        + "value wins per field; contacts and companies keep the survivor's values, filling what it lacks.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--kind", defaultValue = "lead", description = "lead (default), contact or company")
    String kind;

    @Option(names = "--survivor", required = true, description = "the record that remains")
    UUID survivor;

    @Parameters(arity = "1..*", description = "the other records")
    List<UUID> others;

    @Override
    public Integer call() {
        RecordKind recordKind = Kinds.parse(kind);
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            TenantId tenantId = new TenantId(tenant);
            List<UUID> records = new ArrayList<>(List.of(survivor));
            records.addAll(others);
            Parties parties = app.get(Parties.class);
            MergeId merge = switch (recordKind) {
                case LEAD -> app.get(ManualMerge.class).merge(new ManualMerge.Request(tenantId,
                        records.stream().map(LeadId::new).toList(), new LeadId(survivor), Map.of(),
                        SurvivorshipPolicy.newestWins()));
                case CONTACT -> merge(parties.contacts(), tenantId, records);
                case COMPANY -> merge(parties.companies(), tenantId, records);
            };
            System.out.println(merge.value());
        }
        return 0;
    }

    private MergeId merge(PartyMerges<? extends Party> merges, TenantId tenantId, List<UUID> records) {
        RecordKind recordKind = merges.kind().kind();
        return merges.merge(new PartyMerges.Request(tenantId,
                records.stream().map(id -> RecordRef.of(recordKind, id)).toList(), RecordRef.of(recordKind, survivor),
                Map.of()));
    }
}
