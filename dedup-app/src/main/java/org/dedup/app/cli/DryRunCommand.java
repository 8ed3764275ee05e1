package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.SettingsDocument;
import org.dedup.app.http.RuleDto;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What other settings or rules would do to a tenant's stored records; nothing is written. */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = "What other duplicate-control settings, or other duplicate rules, would find in a tenant's "
        + "stored records: counts and samples; nothing is written or saved.",
        subcommands = {DryRunCommand.Settings.class, DryRunCommand.Rules.class})
final class DryRunCommand implements Callable<Integer> {
    private static final ObjectMapper FILES = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Would-be merges under the settings of --settings (the body of PUT /v1/settings, JSON or "
            + "YAML), every stored lead checked as if it arrived after the leads created before it.")
    static final class Settings implements Callable<Integer> {
        @ParentCommand
        DryRunCommand dryRun;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--settings", required = true, description = "the proposed settings")
        Path settings;

        @Option(names = "--samples", description = "at most this many sample merges (default: ${DEFAULT-VALUE})")
        int samples = 10;

        @Override
        public Integer call() throws IOException {
            SettingsDocument proposed = FILES.readValue(settings.toFile(), SettingsDocument.class);
            try (DedupApplication app = DedupApplication.start(dryRun.parent.config())) {
                SettingsDryRun.Report report = app.get(SettingsDryRun.class).run(new TenantId(tenant),
                        proposed.toSettings(), samples);
                System.out.printf(Locale.ROOT, "%d leads checked: %d would merge %s, %d over the merge limit, "
                        + "%d kept new by the policy, %d pending review%n", report.leadsChecked(), report.wouldMerge(),
                        report.byMethod(), report.wouldSkipOverLimit(), report.keptNewByPolicy(),
                        report.pendingReview());
                report.samples().forEach(s -> System.out.println("  " + s.lead().value() + " into "
                        + s.into().stream().map(id -> id.value().toString()).toList() + " by " + s.method() + " ("
                        + s.timing().name().toLowerCase(Locale.ROOT) + ")"));
                report.failures().forEach(f -> System.out.println("  failure " + f.method().id() + ": " + f.reason()));
            }
            return 0;
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "The groups a bulk search with the rules of --rules (the body of PUT /v1/rules, JSON or "
            + "YAML) would find; the stored groups are kept.")
    static final class Rules implements Callable<Integer> {
        @ParentCommand
        DryRunCommand dryRun;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--rules", required = true, description = "the proposed rules")
        Path rules;

        @Option(names = "--samples", description = "at most this many sample groups (default: ${DEFAULT-VALUE})")
        int samples = 10;

        @Override
        public Integer call() throws IOException {
            RuleDto[] proposed = FILES.readValue(rules.toFile(), RuleDto[].class);
            try (DedupApplication app = DedupApplication.start(dryRun.parent.config())) {
                BulkSearchResult result = app.get(DuplicateSearch.class).dryRun(new TenantId(tenant),
                        Arrays.stream(proposed).map(RuleDto::toRule).toList());
                System.out.printf(Locale.ROOT, "%d records, %d groups, %,d pairs compared of %,d possible, "
                        + "%d oversized blocks%n", result.records(), result.groups().size(), result.pairsCompared(),
                        result.allPairs(), result.oversizedBlocks().size());
                for (DuplicateGroup group : result.groups().stream().limit(samples).toList()) {
                    System.out.println("  " + group.members() + " by " + group.rules());
                }
            }
            return 0;
        }
    }
}
