package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.inject.Inject;

import org.dedup.app.config.SettingsDocument;
import org.dedup.app.http.RuleDto;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What other settings or rules would do to a tenant's stored records; nothing is written. */
@Command(name = "dry-run",
        description = "What other duplicate-control settings, or other duplicate rules, would find in a tenant's "
        + "stored records: counts and samples; nothing is written or saved.",
        subcommands = {DryRunCommand.Settings.class, DryRunCommand.Rules.class})
final class DryRunCommand extends CommandGroup {
    private static final ObjectMapper FILES = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The tenant, and how many samples to print. */
    static final class Scope {
        @Mixin
        TenantOption tenant;

        @Option(names = "--samples", description = "at most this many samples (default: ${DEFAULT-VALUE})")
        int samples = 10;
    }

    @Command(name = "settings",
            description = "Would-be merges under the settings of --settings (the body of PUT /v1/settings, JSON or "
            + "YAML), every stored lead checked as if it arrived after the leads created before it.")
    static final class Settings implements OnApplication {
        @Mixin
        Scope scope;

        @Option(names = "--settings", required = true, description = "the proposed settings")
        Path settings;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Settings options, SettingsDryRun dryRun) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() throws IOException {
                SettingsDocument proposed = FILES.readValue(options.settings.toFile(), SettingsDocument.class);
                SettingsDryRun.Report report = dryRun.run(options.scope.tenant.id(), proposed.toSettings(),
                        options.scope.samples);
                System.out.printf(Locale.ROOT, "%d leads checked: %d would merge %s, %d over the merge limit, "
                        + "%d kept new by the policy, %d pending review%n", report.leadsChecked(), report.wouldMerge(),
                        report.byMethod(), report.wouldSkipOverLimit(), report.keptNewByPolicy(),
                        report.pendingReview());
                report.samples().forEach(s -> System.out.println("  " + s.lead().value() + " into "
                        + s.into().stream().map(id -> id.value().toString()).toList() + " by " + s.method() + " ("
                        + Words.lower(s.timing()) + ")"));
                report.failures().forEach(f -> System.out.println("  failure " + f.method().id() + ": " + f.reason()));
                return 0;
            }
        }
    }

    @Command(name = "rules",
            description = "The groups a bulk search with the rules of --rules (the body of PUT /v1/rules, JSON or "
            + "YAML) would find; the stored groups are kept.")
    static final class Rules implements OnApplication {
        @Mixin
        Scope scope;

        @Option(names = "--rules", required = true, description = "the proposed rules")
        Path rules;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Rules options, DuplicateSearch search) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() throws IOException {
                RuleDto[] proposed = FILES.readValue(options.rules.toFile(), RuleDto[].class);
                BulkSearchResult result = search.dryRun(options.scope.tenant.id(),
                        Arrays.stream(proposed).map(RuleDto::toRule).toList());
                System.out.println(Words.summary(result));
                result.groups().stream().limit(options.scope.samples)
                        .forEach(group -> System.out.println("  " + group.members() + " by " + group.rules()));
                return 0;
            }
        }
    }
}
