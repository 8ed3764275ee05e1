package org.dedup.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.ScanMethod;
import org.dedup.domain.search.SpilledSearchResult;
import org.dedup.domain.search.SpillingBulkSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Bulk duplicate search of a tenant; writes the groups as CSV. */
@Command(name = "scan", description = "Bulk duplicate search of a tenant by its rules, the BIG DATA model or both; "
        + "groups written as CSV (group,kind,id,rules).")
final class ScanCommand implements OnApplication {
    @Mixin
    TenantOption tenant;

    @Mixin
    ActorOption actor;

    @Option(names = "--out", description = "CSV file for the groups (default: standard output)")
    Path out;

    @Option(names = "--method", defaultValue = "rules", description = "rules (the tenant's duplicate rules, the "
            + "default), big_data (the BIG DATA model's blocking and scores) or both, their links clustered together")
    String method;

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    record Run(ScanCommand options, DuplicateSearch search, SpillingBulkSearch spilling, Audited audited)
            implements Callable<Integer> {
        @Inject
        Run {
        }

        /**
         * Searches in bounded memory: each group goes to the CSV as it is stored, none is held. The groups are
         * stored with who scanned in one transaction; it writes only at its end, so it holds no lock while it reads.
         */
        @Override
        public Integer call() throws IOException {
            SpilledSearchResult result;
            try (PrintWriter csv = options.out == null ? new PrintWriter(System.out, true, StandardCharsets.UTF_8)
                    : new PrintWriter(Files.newBufferedWriter(options.out, StandardCharsets.UTF_8))) {
                csv.println("group,kind,id,rules");
                result = audited.write(options.actor.writer(options.tenant.id()), AuditAction.SCAN_START,
                        () -> search.scan(options.tenant.id(), ScanMethod.named(options.method), spilling,
                                group -> write(group, csv)), stored -> AuditAction.STORED_GROUPS);
            }
            System.err.println(Words.summary(result));
            return 0;
        }

        private static void write(DuplicateGroup group, PrintWriter csv) {
            for (RecordRef member : group.members()) {
                csv.printf("%s,%s,%s,\"%s\"%n", group.id(), Words.lower(member.kind()), member.value(),
                        String.join("; ", group.rules()).replace("\"", "\"\""));
            }
        }
    }
}
