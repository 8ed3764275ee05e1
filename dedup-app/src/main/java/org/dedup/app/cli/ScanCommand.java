package org.dedup.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.ScanMethod;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Bulk duplicate search of a tenant; writes the groups as CSV. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Bulk duplicate search of a tenant by its rules, the BIG DATA model or both; groups written as "
                + "CSV (group,kind,id,rules).")
final class ScanCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--out", description = "CSV file for the groups (default: standard output)")
    Path out;

    @Option(names = "--method", defaultValue = "rules", description = "rules (the tenant's duplicate rules, the "
            + "default), big_data (the BIG DATA model's blocking and scores) or both, their links clustered together")
    String method;

    @Override
    public Integer call() throws IOException {
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            BulkSearchResult result = app.get(DuplicateSearch.class).scan(new TenantId(tenant),
                    ScanMethod.named(method));
            try (PrintWriter csv = out == null ? new PrintWriter(System.out, true, StandardCharsets.UTF_8)
                    : new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                csv.println("group,kind,id,rules");
                for (DuplicateGroup group : result.groups()) {
                    for (RecordRef member : group.members()) {
                        csv.printf("%s,%s,%s,\"%s\"%n", group.id(), member.kind().name().toLowerCase(java.util.Locale.ROOT),
                                member.value(), String.join("; ", group.rules()).replace("\"", "\"\""));
                    }
                }
            }
            System.err.printf("%d records, %d groups, %,d pairs compared of %,d possible, %d oversized blocks%n",
                    result.records(), result.groups().size(), result.pairsCompared(), result.allPairs(),
                    result.oversizedBlocks().size());
        }
        return 0;
    }
}
