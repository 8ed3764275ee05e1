package org.dedup.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.RecordMerges;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Manual merge of two or more leads, contacts or companies into a survivor, or its preview. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge records of one kind into a survivor; prints the merge id. Leads: each field by the "
        + "--rule (newest value wins unless told otherwise); contacts and companies keep the survivor's values, "
        + "filling what it lacks. With --preview, prints the record the merge would leave, each field with the "
        + "record it comes from and the rule that chose it, and writes nothing.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--kind", defaultValue = "lead", description = "lead (default), contact or company")
    String kind;

    @Option(names = "--survivor", required = true, description = "the record that remains")
    UUID survivor;

    @Option(names = "--rule", defaultValue = "", description = "leads only: the survivorship rule, one of newest "
            + "(default), oldest, most_complete, source_priority")
    String rule;

    @Option(names = "--choose", description = "field=record: keep this record's value of the field (name, stage, "
            + "website, custom.<key>); may be repeated")
    Map<String, UUID> choices;

    @Option(names = "--preview", description = "print the resulting record and where each field comes from; "
            + "merge nothing")
    boolean preview;

    @Option(names = "--actor", description = "who merges, recorded in the journal (default: cli:<user name>)")
    String actor;

    @Parameters(arity = "1..*", description = "the other records")
    List<UUID> others;

    @Override
    public Integer call() {
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            List<UUID> records = new ArrayList<>(List.of(survivor));
            records.addAll(others);
            RecordMerges.Request request = new RecordMerges.Request(new TenantId(tenant), Kinds.parse(kind), records,
                    survivor, choices == null ? Map.of() : choices, rule);
            RecordMerges merges = app.get(RecordMerges.class);
            if (preview) {
                print(merges.preview(request));
            } else {
                TenantId tenantId = request.tenant();
                System.out.println(app.get(Audited.class).write(new Audited.Writer(tenantId, Actors.of(actor)),
                        AuditLog.MERGE, () -> merges.merge(request), id -> id.value().toString()).value());
            }
        }
        return 0;
    }

    private static void print(RecordMerges.Preview preview) {
        System.out.println("the " + preview.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + preview.survivor().value() + " would be, nothing merged:");
        for (FieldProvenance field : preview.fields()) {
            System.out.println("  " + field.field() + " = " + field.value() + "  (from " + field.source().value()
                    + " by " + SurvivorshipPolicy.nameOf(field.rule()) + ")");
        }
    }
}
