package org.dedup.ml.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidRecordException;

/**
 * Reads records from CSV files with a header. Columns are the attribute names of a {@link RecordSchema}
 * ({@code given_name}, {@code surname}, {@code postcode}, ...; emails and phones may hold several values separated
 * by ';'), an id column and, for labelled files, a cluster column naming the real-world entity. Any other column is
 * refused by name, so a misspelt header cannot silently drop an attribute.
 */
public final class RecordFiles {
    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");

    private RecordFiles() {
    }

    /** A labelled file whose {@code clusterColumn} names each record's entity. */
    public static LabelledRecords readClustered(Path csv, RecordSchema schema, String idColumn, String clusterColumn) {
        return read(csv, schema, idColumn, Set.of(clusterColumn), row -> required(row, clusterColumn, csv));
    }

    /**
     * Records whose entities are not known, to label: ids from {@code idColumn}, the {@code ignored} columns (a
     * cluster column, say) left out.
     */
    public static List<PersonRecord> readUnlabelled(Path csv, RecordSchema schema, String idColumn,
                                                    Set<String> ignored) {
        return read(csv, schema, idColumn, ignored, row -> required(row, idColumn, csv)).records();
    }

    /**
     * A Febrl data set: ids {@code rec-<N>-org} for originals and {@code rec-<N>-dup-<k>} for their corrupted
     * duplicates, so the entity is {@code N}.
     */
    public static LabelledRecords readFebrl(Path csv) {
        return read(csv, RecordSchema.people(), "rec_id", Set.of(), row -> {
            String id = required(row, "rec_id", csv);
            Matcher matcher = FEBRL_ID.matcher(id);
            if (!matcher.matches()) {
                throw new InvalidRecordException(csv + ": rec_id '" + id + "' is not rec-<N>-org or rec-<N>-dup-<k>");
            }
            return matcher.group(1);
        });
    }

    /** Builds a record from values named by the attributes of {@code schema}; other names are refused. */
    public static PersonRecord record(RecordSchema schema, String id, Map<String, String> namedValues, String where) {
        Map<Attribute, String> values = new HashMap<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        namedValues.forEach((name, value) -> {
            String text = value == null ? "" : value.strip();
            Attribute attribute = attribute(schema, name, where);
            switch (attribute.kind()) {
                case EMAIL -> emails.addAll(multi(text));
                case PHONE -> phones.addAll(multi(text));
                default -> values.put(attribute, text);
            }
        });
        return new PersonRecord(id, values, emails, phones);
    }

    private static LabelledRecords read(Path csv, RecordSchema schema, String idColumn, Set<String> otherColumns,
                                        Function<Map<String, String>, String> cluster) {
        List<PersonRecord> records = new ArrayList<>();
        Map<String, String> clusterOf = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : rows(csv)) {
            String id = required(row, idColumn, csv);
            if (!ids.add(id)) {
                throw new InvalidRecordException(csv + ": record id '" + id + "' appears twice");
            }
            Map<String, String> named = new HashMap<>(row);
            named.remove(idColumn);
            otherColumns.forEach(named::remove);
            records.add(record(schema, id, named, csv.toString()));
            clusterOf.put(id, cluster.apply(row));
        }
        return new LabelledRecords(records, clusterOf);
    }

    static List<Map<String, String>> rows(Path csv) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                .readValues(csv.toFile())) {
            return it.readAll();
        } catch (IOException | RuntimeException e) {
            throw new DedupException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private static Attribute attribute(RecordSchema schema, String column, String where) {
        return schema.attribute(column).orElseThrow(() -> new InvalidRecordException(where + ": unknown column '"
                + column + "'; the " + schema.name() + " schema's attributes are " + schema.keys()));
    }

    private static String required(Map<String, String> row, String column, Path csv) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(csv + ": column '" + column + "' is missing or empty in a row");
        }
        return value.strip();
    }

    private static List<String> multi(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\s*;\\s*"));
    }
}
