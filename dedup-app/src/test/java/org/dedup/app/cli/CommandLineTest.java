package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.ConfigLoader;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** The CLI as an operator uses it: import, scan and check against one embedded database. */
class CommandLineTest {
    private static final TenantId ACME = new TenantId("acme");
    @TempDir
    Path dir;

    private String run(Path config, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return dedup(all.toArray(String[]::new));
    }

    /** What {@code dedup args} prints on standard output; it must succeed. */
    static String dedup(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = DedupCommand.commandLine().execute(args);
            assertEquals(0, exit, "dedup " + String.join(" ", args) + " printed: " + out);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A configuration file in {@code dir}: an embedded database there and one tenant matching by email. */
    static Path embeddedConfig(Path dir, String tenant) throws IOException {
        return Files.writeString(dir.resolve(tenant + ".yaml"), """
                database:
                  url: jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH
                tenants:
                  - id: %s
                    apiKey: %s-secret-key-0001
                    methods: [email]
                """.formatted(dir.resolve(tenant + "-db"), tenant, tenant));
    }

    @Test
    void importScanAndCheckOnOneEmbeddedDatabase() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), """
                name,email,phone
                Anna Berg,anna@berg.se,+46 8 123 456 78
                Berg Anna,ANNA@berg.se,
                """);
        Path leads = Files.writeString(dir.resolve("leads.json"), """
                [{"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Lee", "primary": true, "emails": ["kim@x.io"]}]},
                 {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Ola N", "primary": true, "emails": ["ola@x.io"]}]}]
                """);
        Path lead = Files.writeString(dir.resolve("lead.json"), """
                {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Anna Berg", "emails": ["anna@berg.se"]}]}
                """);

        assertTrue(run(config, "import", "--tenant", "acme", "--contacts", contacts.toString()).contains("imported contacts: 2"));
        Path companies = Files.writeString(dir.resolve("companies.csv"), """
                name,website,email,phone
                Berg AB,https://www.berg.se,info@berg.se,+46 8 123 456 00
                """);
        assertTrue(run(config, "import", "--tenant", "acme", "--companies", companies.toString())
                .contains("imported companies: 1"));
        assertTrue(run(config, "import", "--tenant", "acme", "--leads", leads.toString()).contains("Created=2"));
        Path groups = dir.resolve("groups.csv");
        run(config, "scan", "--tenant", "acme", "--out", groups.toString());
        List<String> rows = Files.readAllLines(groups);
        assertEquals(3, rows.size(), "header and the two Anna Berg contacts: " + rows);
        assertTrue(run(config, "check", "--tenant", "acme", "--file", lead.toString()).contains("duplicate_rule"));

        assertTrue(run(config, "scan", "--tenant", "acme").startsWith("group,kind,id,rules"), "CSV on standard output");
    }

    @Test
    void theConfigurationMayBeGivenBeforeOrAfterTheSubcommand() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        String added = dedup("--config", config.toString(), "webhook", "add", "--tenant", "acme", "--url",
                "https://crm.example/hooks", "--secret", "a-secret-of-16-chars");

        assertEquals(added, dedup("webhook", "list", "--tenant", "acme", "--config", config.toString()));
        assertEquals(added, dedup("webhook", "--config", config.toString(), "list", "--tenant", "acme"));
        assertEquals(added, dedup("webhook", "list", "-c", config.toString(), "--tenant", "acme"));
        assertTrue(dedup("scan", "--tenant", "acme", "--config", config.toString()).startsWith("group,kind,id,rules"));
    }

    @Test
    void aFileThatCannotBeReadIsNamedInOneLineWithoutAStackTrace() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path missing = dir.resolve("missing-rules.json");

        String error = refused("dry-run", "rules", "--tenant", "acme", "--rules", missing.toString(), "--config",
                config.toString());

        assertTrue(error.startsWith("dedup: ") && error.contains("missing-rules.json"), error);
    }

    @Test
    void aRefusedConfigurationIsNamedInOneLineWithoutAStackTrace() throws IOException {
        Path config = Files.writeString(dir.resolve("shared.yaml"), """
                tenants:
                  - id: acme
                    apiKey: shared-secret-key-0001
                  - id: globex
                    apiKey: shared-secret-key-0001
                """);

        assertEquals("dedup: invalid configuration: tenants[globex].apiKey is the same as tenants[acme].apiKey: each "
                + "tenant needs its own", refused("scan", "--tenant", "acme", "--config", config.toString()));
        assertEquals("dedup: invalid configuration: file " + dir.resolve("none.yaml") + " does not exist",
                refused("webhook", "list", "--tenant", "acme", "-c", dir.resolve("none.yaml").toString()));
    }

    /** What {@code dedup args} says on standard error, one line, as it exits with 2. */
    private static String refused(String... args) {
        java.io.StringWriter errors = new java.io.StringWriter();
        int exit = DedupCommand.commandLine().setErr(new java.io.PrintWriter(errors, true)).execute(args);
        assertEquals(2, exit, errors.toString());
        assertEquals(1, errors.toString().lines().count(), errors.toString());
        return errors.toString().strip();
    }

    @Test
    void unmergeMarksTheRecordsNotADuplicateUnlessLeftUnmarked() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path leads = Files.writeString(dir.resolve("twice.json"), """
                [{"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Lee", "primary": true, "emails": ["kim@x.io"]}]},
                 {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Li", "primary": true, "emails": ["kim@x.io"]}]},
                 {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Ola N", "primary": true, "emails": ["ola@x.io"]}]},
                 {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Ola M", "primary": true, "emails": ["ola@x.io"]}]}]
                """);
        assertTrue(run(config, "import", "--tenant", "acme", "--leads", leads.toString()).contains("Merged=2"));
        TenantId acme = new TenantId("acme");
        List<MergeJournalEntry> merges;
        try (DedupApplication app = DedupApplication.start(new ConfigLoader().load(config, Map.of()))) {
            merges = app.get(MergeJournal.class).recent(acme, 2);
        }

        assertTrue(run(config, "unmerge", "--tenant", "acme", "--merge", merges.get(0).id().value().toString())
                .contains("marked not a duplicate"));
        run(config, "unmerge", "--tenant", "acme", "--merge", merges.get(1).id().value().toString(), "--leave-unmarked");

        try (DedupApplication app = DedupApplication.start(new ConfigLoader().load(config, Map.of()))) {
            MergeJournalEntry marked = merges.get(0);
            assertEquals(Set.of(new RecordPair(marked.survivorBefore().id(), marked.absorbed().getFirst().id())),
                    app.get(NotDuplicateStore.class).all(acme));
        }
    }

    /** Four leads where each rule picks another name: oldest, most complete, from a chat, newest. */
    @ParameterizedTest
    @ValueSource(strings = {"newest:Ann New", "oldest:Ann Old", "most_complete:Ann Full", "source_priority:Ann Chat"})
    void eachSurvivorshipRuleIsNamedWithRuleAndPicksTheValueItRanksFirst(String ruleAndName) throws IOException {
        String rule = ruleAndName.split(":")[0];
        Path config = embeddedConfig(dir, "acme");
        Path leads = Files.writeString(dir.resolve("four.json"), """
                [{"name": "Ann Old", "source": "api", "pipeline": "sales", "stage": "new", "fields": {"budget": "10"},
                  "contacts": [{"name": "Ann Old", "primary": true, "emails": ["old@x.io"]}]},
                 {"name": "Ann Full", "source": "import", "pipeline": "sales", "stage": "won",
                  "fields": {"budget": "20", "city": "Leeds", "size": "9"},
                  "contacts": [{"name": "Ann Full", "primary": true, "emails": ["full@x.io"]}]},
                 {"name": "Ann Chat", "source": "chat", "pipeline": "sales", "stage": "lost",
                  "contacts": [{"name": "Ann Chat", "primary": true, "emails": ["chat@x.io"]}]},
                 {"name": "Ann New", "source": "web_form", "pipeline": "sales", "stage": "qualified",
                  "fields": {"budget": "40"}, "contacts": [{"name": "Ann New", "primary": true, "emails": ["new@x.io"]}]}]
                """);
        assertTrue(run(config, "import", "--tenant", "acme", "--leads", leads.toString()).contains("Created=4"));
        List<String> ids = new ArrayList<>();
        try (DedupApplication app = DedupApplication.start(new ConfigLoader().load(config, Map.of()))) {
            app.get(LeadRepository.class).forEach(ACME, lead -> ids.add(lead.id().value().toString()));
        }

        String preview = run(config, "merge", "--tenant", "acme", "--preview", "--rule", rule, "--survivor",
                ids.get(0), ids.get(1), ids.get(2), ids.get(3));
        String merged = run(config, "merge", "--tenant", "acme", "--rule", rule, "--survivor", ids.get(0),
                ids.get(1), ids.get(2), ids.get(3));

        assertTrue(preview.contains("  name = " + ruleAndName.split(":")[1] + "  (from ") && preview.contains(
                " by " + rule + ")"), preview);
        assertTrue(merged.strip().matches("[0-9a-f-]{36}"), "the merge id alone, no matcher failed: " + merged);
        try (DedupApplication app = DedupApplication.start(new ConfigLoader().load(config, Map.of()))) {
            List<String> names = new ArrayList<>();
            app.get(LeadRepository.class).forEach(ACME, lead -> names.add(lead.name()));
            assertEquals(List.of(ruleAndName.split(":")[1]), names);
        }
    }

    @Test
    void contactsFoundByAScanAreMergedAndUnmergedWithKindContact() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), """
                name,email,phone
                Anna Berg,anna@berg.se,+46 8 123 456 78
                Berg Anna,ANNA@berg.se,
                """);
        run(config, "import", "--tenant", "acme", "--contacts", contacts.toString());
        Path groups = dir.resolve("groups.csv");
        run(config, "scan", "--tenant", "acme", "--out", groups.toString());
        List<String> ids = Files.readAllLines(groups).stream().skip(1).map(row -> row.split(",")[2]).toList();

        String merge = run(config, "merge", "--tenant", "acme", "--kind", "contact", "--survivor", ids.get(0),
                ids.get(1)).strip();
        String undone = run(config, "unmerge", "--tenant", "acme", "--kind", "CONTACT", "--merge", merge,
                "--leave-unmarked");

        assertTrue(undone.contains("1 absorbed record(s)"), undone);
        run(config, "scan", "--tenant", "acme", "--out", groups.toString());
        assertEquals(3, Files.readAllLines(groups).size(), "both contacts exist again and are found again");
    }

    @Test
    void trainEvaluateAndExplainAModelFromLabelledDataAndATenantsMerges() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path leads = Files.writeString(dir.resolve("leads.json"), """
                [{"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Lee", "primary": true, "emails": ["kim@x.io"]}]},
                 {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Li", "primary": true, "emails": ["kim@x.io"]}]}]
                """);
        Path pair = Files.writeString(dir.resolve("pair.json"), """
                {"left": {"given_name": "Jon", "surname": "Smyth", "postcode": "2119"},
                 "right": {"given_name": "John", "surname": "Smith", "postcode": "2119"}}
                """);
        assertTrue(run(config, "import", "--tenant", "acme", "--leads", leads.toString()).contains("Merged=1"));

        Path model = dir.resolve("model.zip");
        String trained = run(config, "train", "--febrl", FEBRL.resolve("dataset1.csv").toString(), "--tenant", "acme",
                "--algorithm", "logistic_regression", "--no-base", "--out", model.toString());
        assertTrue(trained.contains("LOGISTIC_REGRESSION, schema people, on") && trained.contains("decisions of tenant "
                + "acme") && trained.contains("blocking rules"), trained);

        Path report = dir.resolve("report");
        String evaluated = run(config, "evaluate", "--model", model.toString(), "--febrl",
                FEBRL.resolve("dataset1.csv").toString(), "--report", report.toString());
        assertTrue(evaluated.contains("dataset1: precision"), evaluated);
        assertTrue(Files.exists(report.resolve("dataset1.json")) && Files.exists(report.resolve("dataset1.html")));

        String explained = run(config, "explain", "--model", model.toString(), "--pair", pair.toString(), "--top",
                "48");
        assertTrue(explained.contains("match probability") && explained.contains("surname_jaro_winkler"), explained);
    }

    @Test
    void everySubcommandExplainsItselfWithHelp() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        List<String> commands = subcommands(DedupCommand.commandLine(), "");
        assertTrue(commands.containsAll(List.of("serve", "import", "label", "review not-duplicate", "webhook remove")),
                commands.toString());
        for (String command : commands) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            String help = run(config, args.toArray(String[]::new));
            assertTrue(help.contains("Usage: dedup " + command) && help.contains("-h, --help")
                    && help.contains("--config"), command + ": " + help);
        }
    }

    /** Every subcommand below {@code cli}, as its words after {@code dedup}. */
    private static List<String> subcommands(CommandLine cli, String prefix) {
        List<String> names = new java.util.ArrayList<>();
        cli.getSubcommands().forEach((name, sub) -> {
            names.add(prefix + name);
            names.addAll(subcommands(sub, prefix + name + " "));
        });
        return names;
    }

    @Test
    void aScanScheduleIsSetShownAndRemoved() throws IOException {
        Path config = embeddedConfig(dir, "acme");

        String set = run(config, "schedule", "set", "--tenant", "acme", "--cron", "0 0 2 * * *", "--zone",
                "Europe/Berlin");

        assertTrue(set.startsWith("cron \"0 0 2 * * *\" in Europe/Berlin, next run "), set);
        assertEquals(set, run(config, "schedule", "show", "--tenant", "acme"));
        assertTrue(run(config, "schedule", "remove", "--tenant", "acme").contains("removed"));
        assertEquals(2, DedupCommand.commandLine().setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("--config", config.toString(), "schedule", "show", "--tenant", "acme"), "none left to show");
    }

    @Test
    void aScanGroupIsReviewedPreviewedAndMergedAndTheJournalSaysWhoMergedIt() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), """
                name,email,phone
                Anna Berg,anna@berg.se,+46 8 123 456 78
                Berg Anna,ANNA@berg.se,
                """);
        run(config, "import", "--tenant", "acme", "--contacts", contacts.toString());
        run(config, "scan", "--tenant", "acme", "--out", dir.resolve("groups.csv").toString());

        String queue = run(config, "review", "list", "--tenant", "acme");
        assertTrue(queue.contains("bulk_search  open") && queue.contains("duplicate_rule"), queue);
        String item = queue.lines().findFirst().orElseThrow().split(" ")[0];
        List<String> ids = queue.lines().filter(l -> l.startsWith("  contact ")).map(l -> l.split(" ")[3]).toList();
        String preview = run(config, "merge", "--tenant", "acme", "--kind", "contact", "--preview", "--survivor",
                ids.get(0), ids.get(1));
        assertTrue(preview.contains("would be, nothing merged") && preview.contains("  name = "), preview);

        String merged = run(config, "review", "merge", item, "--tenant", "acme", "--actor", "anna@ops");
        assertTrue(merged.contains("merged by anna@ops"), merged);
        assertTrue(run(config, "review", "list", "--tenant", "acme").isBlank(), "nothing open");
        String journal = run(config, "merges", "list", "--tenant", "acme", "--kind", "contact");
        assertTrue(journal.contains("by anna@ops") && journal.contains("manual  applied"), journal);
    }

    @Test
    void dryRunsAndTheDecisionLogFromTheCommandLine() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path leads = Files.writeString(dir.resolve("leads.json"), """
                [{"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Lee", "primary": true, "emails": ["kim@x.io"]}]},
                 {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Li", "primary": true, "emails": ["kim@x.io"]}]}]
                """);
        run(config, "import", "--tenant", "acme", "--leads", leads.toString());
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                [{"name": "by name", "objects": ["lead"], "fields": ["full_name"]}]""");
        Path settings = Files.writeString(dir.resolve("settings.yaml"), "methods: [phone]\n");

        assertTrue(run(config, "decisions", "list", "--tenant", "acme").contains("Merged  lead"));
        assertTrue(run(config, "dry-run", "rules", "--tenant", "acme", "--rules", rules.toString())
                .contains("1 records, 0 groups"));
        assertTrue(run(config, "dry-run", "settings", "--tenant", "acme", "--settings", settings.toString())
                .contains("1 leads checked: 0 would merge"));
    }

    @Test
    void aWebhookIsAddedListedAndRemoved() throws IOException {
        Path config = embeddedConfig(dir, "acme");

        String added = run(config, "webhook", "add", "--tenant", "acme", "--url", "https://crm.example/hooks",
                "--secret", "a-secret-of-16-chars");

        String id = added.substring(0, added.indexOf(' '));
        assertTrue(added.contains("https://crm.example/hooks") && !added.contains("a-secret"), added);
        assertEquals(added, run(config, "webhook", "list", "--tenant", "acme"));
        assertTrue(run(config, "webhook", "remove", "--tenant", "acme", "--id", id).contains("removed"));
        assertEquals("", run(config, "webhook", "list", "--tenant", "acme"));
    }

    @Test
    void eachWriteOfTheCommandLineIsListedByAuditWithItsActor() throws IOException {
        Path config = embeddedConfig(dir, "acme");
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), "name,email,phone\nAnna Berg,anna@berg.se,\n");
        Path companies = Files.writeString(dir.resolve("companies.csv"),
                "name,website,email,phone\nBerg AB,https://www.berg.se,info@berg.se,\n");
        String[] ops = {"--tenant", "acme", "--actor", "ops@acme"};
        run(config, concat(List.of("import", "--contacts", contacts.toString()), ops));
        run(config, concat(List.of("import", "--companies", companies.toString()), ops));
        run(config, concat(List.of("scan", "--out", dir.resolve("groups.csv").toString()), ops));
        run(config, concat(List.of("schedule", "set", "--cron", "0 0 2 * * *"), ops));
        run(config, concat(List.of("schedule", "remove"), ops));
        String webhook = run(config, concat(List.of("webhook", "add", "--url", "https://crm.example/hooks",
                "--secret", "a-secret-of-16-chars"), ops)).split(" ")[0];
        run(config, concat(List.of("webhook", "remove", "--id", webhook), ops));
        run(config, "schedule", "set", "--tenant", "acme", "--cron", "0 0 3 * * *");

        List<String> actions = run(config, "audit", "list", "--tenant", "acme", "--actor", "ops@acme").lines()
                .map(line -> line.split(" {2}")[2]).toList();

        assertEquals(List.of("webhook_remove", "webhook_add", "schedule_remove", "schedule_set", "scan_start",
                "company_add", "contact_add"), actions, "newest first");
        String webhooks = run(config, "audit", "list", "--tenant", "acme", "--action", "webhook_add,webhook_remove");
        assertTrue(webhooks.lines().allMatch(line -> line.endsWith("  " + webhook)), webhooks);
        assertTrue(run(config, "audit", "list", "--tenant", "acme", "--action", "schedule_set", "--limit", "1")
                .contains("  cli:"), "without --actor: the user's name");
    }

    private static String[] concat(List<String> command, String... options) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    private static final Path FEBRL = Path.of("..", "dedup-ml-matcher", "data", "febrl");
}
