package org.dedup.app.cli;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Manual merge of two or more leads into a survivor. */
@Command(name = "merge", description = "Merge leads into a survivor (newest value wins per field); prints the merge id.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--survivor", required = true, description = "the lead that remains")
    UUID survivor;

    @Parameters(arity = "1..*", description = "the other leads")
    List<UUID> others;

    @Override
    public Integer call() {
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            List<LeadId> leads = new java.util.ArrayList<>(List.of(new LeadId(survivor)));
            others.forEach(id -> leads.add(new LeadId(id)));
            MergeId merge = app.get(ManualMerge.class).merge(new ManualMerge.Request(new TenantId(tenant), leads,
                    new LeadId(survivor), Map.of(), SurvivorshipPolicy.newestWins()));
            System.out.println(merge.value());
        }
        return 0;
    }
}
