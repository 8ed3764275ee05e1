package org.dedup.bench.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.dedup.bench.NamedArgs;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.ProfileSource;
import org.dedup.domain.search.SpilledSearchResult;
import org.dedup.domain.search.SpillingBulkSearch;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/**
 * The bulk search that spills to disk ({@link SpillingBulkSearch}) over the contacts of a CSV file written by
 * {@link org.dedup.bench.data.PersonTenantCsv} (the input of {@code dedup spark-scan --format csv}), read and
 * standardized one line at a time, by the preconfigured rules. Prints the counts and times; with {@code groups=}
 * writes each group as a line, its members' ids sorted then its rules, the lines sorted, for a comparison with
 * the Spark job's groups ({@code org.dedup.spark.GroupLines}).
 *
 * <pre>java -Xmx4g -cp bench/target/benchmarks.jar org.dedup.bench.search.SpillingSearchHarness \
 *     input=/tmp/contacts-1m.csv spill=/tmp/spill runSize=1000000 groups=/tmp/groups-1m.txt</pre>
 */
public final class SpillingSearchHarness {
    private static final String SEPARATOR = "|";

    private SpillingSearchHarness() {
    }

    public static void main(String[] args) throws IOException {
        NamedArgs named = NamedArgs.parse(args);
        Path input = Path.of(named.text("input", "/tmp/contacts-1m.csv"));
        Path spill = Path.of(named.text("spill", System.getProperty("java.io.tmpdir")));
        int runSize = named.integer("runSize", SpillingBulkSearch.DEFAULT_RUN_SIZE);
        String groupsFile = named.text("groups", "");
        RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
        StandardizationOptions options = StandardizationOptions.defaults();
        ProfileSource contacts = action -> forEachContact(input, c -> action.accept(standardizer.contact(c, options)));
        Path lines = Files.createTempFile(spill, "groups-", ".txt");
        SpilledSearchResult result;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(lines, StandardCharsets.UTF_8))) {
            result = new SpillingBulkSearch(spill, runSize).run(contacts, PreconfiguredRules.all(), Set.of(),
                    List.of(), found -> found.forEach(group -> out.println(line(group))));
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("records %,d; reading, standardizing and search %.1f s; pairs compared %,d of %,d possible; "
                        + "groups %,d; oversized blocks %d; sorted runs %d (run size %,d); heap after ~%,d MB of %,d MB%n",
                result.records(), result.elapsed().toMillis() / 1000.0, result.pairsCompared(), result.allPairs(),
                result.groups(), result.oversizedBlocks().size(), result.runs(), runSize,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        if (groupsFile.isEmpty()) {
            Files.delete(lines);
        } else {
            Files.move(lines, Path.of(groupsFile), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("groups written to " + groupsFile + " (unsorted; sort them before comparing)");
        }
    }

    /** A group as one line: its members' kinds and ids in order, a tab, then its rules. */
    static String line(DuplicateGroup group) {
        return group.members().stream().map(SpillingSearchHarness::member).collect(Collectors.joining(" ")) + "\t"
                + String.join(",", group.rules());
    }

    private static String member(RecordRef ref) {
        return ref.kind().name() + ":" + ref.value();
    }

    /** Each contact of the file, as {@code dedup spark-scan} reads it: a work phone per number, no custom fields. */
    static void forEachContact(Path csv, Consumer<Contact> action) {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                String[] columns = row.substring(1, row.length() - 1).split("\",\"", -1);
                action.accept(new Contact(new ContactId(UUID.fromString(columns[0])), columns[1],
                        values(columns[3]).stream().map(number -> Phone.of(PhoneType.WORK, number)).toList(),
                        values(columns[2]).stream().map(Email::of).toList(), Map.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> values(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(java.util.regex.Pattern.quote(SEPARATOR)));
    }
}
