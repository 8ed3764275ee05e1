package org.dedup.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeResult;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.review.RecordMerges;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manual merge of two or more leads, contacts or companies into a survivor, or its preview. */
@Command(name = "merge",
        description = "Merge records of one kind into a survivor; prints the merge id, then a line per matcher "
        + "that failed on the survivor (the merge stands). Leads: each field by the "
        + "--rule (newest value wins unless told otherwise); contacts and companies keep the survivor's values, "
        + "filling what it lacks. With --preview, prints the record the merge would leave, each field with the "
        + "record it comes from and the rule that chose it, and writes nothing.")
final class MergeCommand implements OnApplication {
    @Mixin
    TenantOption tenant;

    @Mixin
    ActorOption actor;

    @Option(names = "--kind", defaultValue = "lead", description = "lead (default), contact or company")
    RecordKind kind;

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

    @Parameters(arity = "1..*", description = "the other records")
    List<UUID> others;

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    private RecordMerges.Request request() {
        List<UUID> records = new ArrayList<>(List.of(survivor));
        records.addAll(others);
        return new RecordMerges.Request(tenant.id(), kind, records, survivor, choices == null ? Map.of() : choices,
                rule);
    }

    record Run(MergeCommand options, RecordMerges merges, Audited audited) implements Callable<Integer> {
        @Inject
        Run {
        }

        @Override
        public Integer call() {
            RecordMerges.Request request = options.request();
            if (options.preview) {
                print(merges.preview(request));
            } else {
                MergeResult merged = audited.write(options.actor.writer(request.tenant()),
                        AuditAction.MERGE, () -> merges.merge(request), result -> result.merge().value().toString());
                System.out.println(merged.merge().value());
                merged.failures().forEach(f -> System.out.println(Words.failed(f)));
            }
            return 0;
        }

        private static void print(RecordMerges.Preview preview) {
            System.out.println("the " + Words.lower(preview.kind()) + " " + preview.survivor().value()
                    + " would be, nothing merged:");
            for (FieldProvenance field : preview.fields()) {
                System.out.println("  " + field.field() + " = " + field.value() + "  (from " + field.source().value()
                        + " by " + SurvivorshipPolicy.nameOf(field.rule()) + ")");
            }
        }
    }
}
