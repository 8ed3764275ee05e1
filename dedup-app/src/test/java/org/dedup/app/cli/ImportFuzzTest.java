package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.LeadRepository;

import picocli.CommandLine;

/**
 * Random and malformed files for {@code import}: leads JSON (bad rows, wrong types, huge fields, invalid UTF-8,
 * deep nesting, truncation, noise) and contacts CSV (wrong column counts, invalid UTF-8, huge or invalid values,
 * noise). Bad rows are reported by number and skipped, a file that cannot be read at all is refused with a message,
 * nothing else is ever thrown or printed as a stack trace, and what was stored before is never lost.
 */
class ImportFuzzTest {
    private static final TenantId TENANT = new TenantId("fuzz");
    private static final Audited.Writer IMPORTER = new Audited.Writer(TENANT, "fuzz-importer");
    private static final String GOOD_LEAD = "{\"pipeline\": \"sales\", \"stage\": \"new\", \"contacts\": [{\"name\": "
            + "\"Kim Lee\", \"primary\": true, \"emails\": [\"kim@x.io\"], \"phones\": [{\"type\": \"mobile\", "
            + "\"number\": \"+44 7400 123456\"}]}]}";
    private static Path dir;
    private static DedupApplication app;
    private static final AtomicLong files = new AtomicLong();

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("import-fuzz");
        app = DedupApplication.start(config());
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "[" + GOOD_LEAD + "]");
        ImportCommand.importLeads(app.get(DuplicateControl.class), IMPORTER, baseline, quiet());
        Path contacts = Files.writeString(dir.resolve("baseline.csv"), "name,email,phone\nAnna Berg,anna@berg.se,\n");
        ImportCommand.importContacts(app.get(DuplicateSearch.class), app.get(Audited.class), IMPORTER, contacts,
                quiet());
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    private static DedupConfig config() {
        return DedupConfig.defaults().withDatabase(DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("db")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))
                .withTenants(List.of(new TenantConfig("fuzz", "fuzz-key-0123456789", List.of("email", "phone"), "GB",
                        null, null, null)));
    }

    @Provide
    Arbitrary<byte[]> leadFiles() {
        Arbitrary<String> badRow = Arbitraries.of(
                "{\"pipeline\": 1, \"stage\": [], \"contacts\": {}}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"unknown\": true}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [null]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"phones\": [null]}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"phones\": [{\"number\": null}]}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"emails\": [\"not an email\", null]}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"pixels\": [null, \"\"], \"source\": \"pigeon\"}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"fields\": {\"a\": {\"b\": [1]}}}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"fields\": {\"note\": \"" + "x".repeat(4_000) + "\"}}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"fields\": {\"c\": \"" + "y".repeat(3_000)
                        + "\"}}]}",
                "{\"pipeline\": \"" + "p".repeat(100_000) + "\", \"stage\": \"s\"}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"name\": \"" + "N".repeat(600) + "\"}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [" + "{},".repeat(60) + "{}]}",
                "null", "42", "\"text\"", "[]", "{}");
        Arbitrary<String> goodRow = Arbitraries.of(GOOD_LEAD, GOOD_LEAD.replace("kim@x.io", "ola@y.io"));
        Arbitrary<String> rows = Arbitraries.oneOf(badRow, goodRow).list().ofMaxSize(12)
                .map(list -> "[" + String.join(",\n", list) + "]");
        Arbitrary<String> truncated = rows.flatMap(text -> Arbitraries.integers().between(0, text.length())
                .map(cut -> text.substring(0, cut)));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 5_000)
                .map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtrufalsn \\u")
                .ofMaxLength(200);
        Arbitrary<byte[]> text = Arbitraries.oneOf(rows, rows, truncated, nested, jsonish)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = rows.map(s -> withInvalidUtf8(s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return Arbitraries.oneOf(text, invalidUtf8, noise);
    }

    @Provide
    Arbitrary<byte[]> contactFiles() {
        Arbitrary<String> line = Arbitraries.of("Kim Lee,kim@x.io,+44 7400 123456", "Ola N,,", ",,", "",
                "only,two", "a,b,c,d", "Bad Email,not-an-email,", "Bad Phone,,+++---", "\"Quoted, Name\",q@x.io,",
                "N".repeat(600) + ",n@x.io,", "Long Mail," + "m".repeat(400) + "@x.io,",
                "Long Phone,," + "1".repeat(100), "Z".repeat(100_000) + ",,", "Tab\tName,\u0000@x.io,\u0000",
                "Ünïcödé Ñame,üni@x.io,+7 495 123-45-67");
        Arbitrary<byte[]> csv = line.list().ofMaxSize(15).flatMap(lines -> Arbitraries.of("\n", "\r\n")
                .map(end -> ("name,email,phone" + end + String.join(end, lines)).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> invalidUtf8 = csv.map(ImportFuzzTest::withInvalidUtf8);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> bom = csv.map(bytes -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes));
        return Arbitraries.oneOf(csv, csv, invalidUtf8, noise, bom);
    }

    @Property(tries = 120)
    void aLeadsFileOfAnyContentIsImportedRowByRowOrRefusedNeverCrashes(@ForAll("leadFiles") byte[] content)
            throws IOException {
        assertImportHolds(content, "json", (file, errors) -> ImportCommand.importLeads(
                app.get(DuplicateControl.class), IMPORTER, file, errors));
    }

    @Property(tries = 120)
    void aContactsFileOfAnyContentIsImportedLineByLineOrRefusedNeverCrashes(@ForAll("contactFiles") byte[] content)
            throws IOException {
        assertImportHolds(content, "csv", (file, errors) -> ImportCommand.importContacts(
                app.get(DuplicateSearch.class), app.get(Audited.class), IMPORTER, file, errors));
    }

    @Example
    void badRowsAreReportedByNumberAndTheGoodOnesImported() throws IOException {
        long before = leads();
        Path file = Files.writeString(dir.resolve("numbered.json"), "[" + GOOD_LEAD.replace("kim@x.io", "row1@x.io").replace("7400 123456", "7400 111111")
                + ", {\"pipeline\": \"p\"}, {\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [null]}, "
                + GOOD_LEAD.replace("kim@x.io", "row4@x.io").replace("7400 123456", "7400 654321") + "]");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = ImportCommand.importLeads(app.get(DuplicateControl.class), IMPORTER, file,
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertEquals(1, exit);
        String report = errors.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("lead 2 skipped: pipeline and stage are required"), report);
        assertTrue(report.contains("lead 3 skipped"), report);
        assertFalse(report.contains("lead 1 skipped") || report.contains("lead 4 skipped"), report);
        assertEquals(before + 2, leads());
    }

    @Example
    void quotedCsvCellsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
        Path file = Files.writeString(dir.resolve("quoted.csv"), """
                name,email,phone
                "Lopez, Maria",maria@lopez.example,
                "Anna ""Annie"" Berg",annie@berg.example,
                "Two
                Lines",two@lines.example,
                """);

        int exit = ImportCommand.importContacts(app.get(DuplicateSearch.class), app.get(Audited.class), IMPORTER,
                file, quiet());

        assertEquals(0, exit);
        List<String> names = new java.util.ArrayList<>();
        app.get(ContactRepository.class).forEach(TENANT, contact -> names.add(contact.fullName()));
        assertTrue(names.containsAll(List.of("Lopez, Maria", "Anna \"Annie\" Berg", "Two\nLines")), names.toString());
    }

    @Example
    void aBadCsvRowIsReportedByTheLineItStartsOnAndTheOthersImported() throws IOException {
        long before = contacts();
        Path file = Files.writeString(dir.resolve("lines.csv"), """
                name,email,phone
                "Multi
                Line",multi@x.example,
                only,two
                Good Row,good@x.example,
                a,b,c,d
                "Unterminated,open@x.example,
                """);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = ImportCommand.importContacts(app.get(DuplicateSearch.class), app.get(Audited.class), IMPORTER,
                file, new PrintStream(errors, true, StandardCharsets.UTF_8));

        String report = errors.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertTrue(report.contains("line 4 skipped: has 2 columns, 3 expected"), report);
        assertTrue(report.contains("line 6 skipped"), report);
        assertTrue(report.contains("line 7: ") && report.contains("were not imported"), report);
        assertFalse(report.contains("Exception") || report.contains("\tat "), report);
        assertEquals(before + 2, contacts());
    }

    @Example
    void aLeadRowWithAnOutOfRangeNumberIsReportedAndTheOthersImported() throws IOException {
        long before = leads();
        Path file = Files.writeString(dir.resolve("huge-number.json"), "[{\"pipeline\": \"p\", \"stage\": \"s\", "
                + "\"fields\": {\"budget\": 1e400}}, " + GOOD_LEAD.replace("kim@x.io", "e400@x.io")
                .replace("7400 123456", "7400 400400") + "]");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = ImportCommand.importLeads(app.get(DuplicateControl.class), IMPORTER, file,
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        String report = errors.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, report);
        assertTrue(report.contains("lead 1 skipped"), report);
        assertFalse(report.contains("Exception") || report.contains("\tat "), report);
        assertEquals(before + 1, leads());
    }

    @Example
    void theCommandLineRefusesAMalformedFileWithAMessageAndNoStackTrace() throws IOException {
        Path config = CommandLineTest.embeddedConfig(dir, "cli");
        Path file = Files.write(dir.resolve("broken.json"), withInvalidUtf8("[{\"pipeline\": \"é\"".getBytes(
                StandardCharsets.UTF_8)));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        CommandLine cli = DedupCommand.commandLine();
        cli.setErr(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8));

        int exit = cli.execute("--config", config.toString(), "import", "--tenant", "cli", "--leads", file.toString());

        String printed = errors.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.startsWith("dedup: " + file + " is not valid JSON, nothing imported"), printed);
        assertFalse(printed.contains("Exception") || printed.contains("\tat "), printed);
    }

    @Example
    void theCommandLineReportsBadRowsByTheirLineOrNumberWithoutAStackTraceAndImportsTheRest() throws IOException {
        Path config = CommandLineTest.embeddedConfig(dir, "rows");
        Path contacts = Files.writeString(dir.resolve("rows.csv"), """
                name,email,phone
                "Lopez, Maria",maria@lopez.example,
                only,two
                Good Row,good@x.example,
                """);
        Path leads = Files.writeString(dir.resolve("rows.json"), "[{\"pipeline\": \"p\", \"stage\": \"s\", "
                + "\"fields\": {\"budget\": 1e400}}, " + GOOD_LEAD + "]");

        Printed csv = dedup("import", "--tenant", "rows", "--contacts", contacts.toString(), "--config",
                config.toString());
        Printed json = dedup("import", "--tenant", "rows", "--leads", leads.toString(), "--config", config.toString());

        assertEquals(1, csv.exit(), csv.err());
        assertTrue(csv.err().contains("line 3 skipped: has 2 columns, 3 expected"), csv.err());
        assertTrue(csv.out().contains("imported contacts: 2, skipped 1"), csv.out());
        assertEquals(1, json.exit(), json.err());
        assertTrue(json.err().contains("lead 1 skipped") && json.out().contains("Created=1"), json.err() + json.out());
        for (Printed printed : List.of(csv, json)) {
            assertFalse(printed.err().contains("Exception") || printed.err().contains("\tat "), printed.err());
        }
    }

    private record Printed(int exit, String out, String err) {
    }

    private static Printed dedup(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            int exit = DedupCommand.commandLine().execute(args);
            return new Printed(exit, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private interface Import {
        int run(Path file, PrintStream errors) throws IOException;
    }

    private static void assertImportHolds(byte[] content, String extension, Import importer) throws IOException {
        long leadsBefore = leads();
        long contactsBefore = contacts();
        Path file = Files.write(dir.resolve("fuzz-" + files.incrementAndGet() + "." + extension), content);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(errors, true, StandardCharsets.UTF_8);
        try {
            int exit = importer.run(file, capture);
            assertTrue(exit == 0 || exit == 1, "exit " + exit);
        } catch (InvalidRecordException refused) {
            assertTrue(refused.getMessage().startsWith(file.toString()), refused.getMessage());
        } finally {
            Files.delete(file);
        }
        String printed = errors.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("Exception") || printed.contains("\tat "), printed);
        assertTrue(leads() >= leadsBefore && contacts() >= contactsBefore, "nothing stored is lost");
        assertTrue(app.get(LeadRepository.class).findByKeys(TENANT, List.of(new org.dedup.domain.match.MatchKey(
                "primary_email", "kim@x.io")), org.dedup.domain.settings.SearchScope.everything(), 1).size() == 1,
                "the baseline lead is still found by its email");
    }

    private static long leads() {
        return app.get(LeadRepository.class).count(TENANT);
    }

    private static long contacts() {
        AtomicLong count = new AtomicLong();
        app.get(ContactRepository.class).forEach(TENANT, contact -> count.incrementAndGet());
        return count.get();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** The bytes with an invalid UTF-8 sequence (a lone continuation byte, an overlong form, 0xFF) in the middle. */
    private static byte[] withInvalidUtf8(byte[] bytes) {
        int middle = bytes.length / 2;
        byte[] bad = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF};
        return concat(concat(java.util.Arrays.copyOfRange(bytes, 0, middle), bad),
                java.util.Arrays.copyOfRange(bytes, middle, bytes.length));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
