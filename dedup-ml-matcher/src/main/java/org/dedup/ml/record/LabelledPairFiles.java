package org.dedup.ml.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidRecordException;

/**
 * Reads labelled pairs. CSV: a {@code match} column (1/0, true/false, yes/no) and the two records' values in
 * columns {@code left_<name>} and {@code right_<name>}, names being the schema's attribute names and optionally
 * {@code id}. JSON: an array of {@code {"match": true, "left": {...}, "right": {...}}} with the
 * same names inside. A file ending in {@code .json} is read as JSON, any other as CSV.
 */
public final class LabelledPairFiles {
    private static final String LEFT = "left_";
    private static final String RIGHT = "right_";
    private static final String ID = "id";

    private LabelledPairFiles() {
    }

    public static List<LabelledPair> read(Path file, RecordSchema schema) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? readJson(file, schema)
                : readCsv(file, schema);
    }

    /**
     * Appends one labelled pair to a CSV file that {@link #read} reads (its header first when the file is new or
     * empty), written through at once so that an answer is kept however the labelling ends.
     */
    public static void append(Path csv, RecordSchema schema, LabelledPair labelled) {
        StringBuilder text = new StringBuilder();
        try {
            if (!Files.exists(csv) || Files.size(csv) == 0) {
                List<String> header = new ArrayList<>(List.of("match"));
                for (String side : List.of(LEFT, RIGHT)) {
                    header.add(side + ID);
                    schema.attributes().forEach(attribute -> header.add(side + attribute.key()));
                }
                text.append(String.join(",", header)).append('\n');
            }
            List<String> row = new ArrayList<>(List.of(labelled.match() ? "1" : "0"));
            for (PersonRecord record : List.of(labelled.pair().first(), labelled.pair().second())) {
                row.add(cell(record.id()));
                schema.attributes().forEach(attribute -> row.add(cell(switch (attribute.kind()) {
                    case EMAIL -> String.join(";", new TreeSet<>(record.emails()));
                    case PHONE -> String.join(";", new TreeSet<>(record.phones()));
                    default -> record.value(attribute);
                })));
            }
            text.append(String.join(",", row)).append('\n');
            Files.writeString(csv, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new DedupException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    private static String cell(String value) {
        boolean quoted = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static List<LabelledPair> readCsv(Path csv, RecordSchema schema) {
        List<LabelledPair> pairs = new ArrayList<>();
        int line = 1;
        for (Map<String, String> row : RecordFiles.rows(csv)) {
            line++;
            Map<String, String> left = new HashMap<>();
            Map<String, String> right = new HashMap<>();
            String match = null;
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String column = cell.getKey();
                if (column.equals("match")) {
                    match = cell.getValue();
                } else if (column.startsWith(LEFT)) {
                    left.put(column.substring(LEFT.length()), cell.getValue());
                } else if (column.startsWith(RIGHT)) {
                    right.put(column.substring(RIGHT.length()), cell.getValue());
                } else {
                    throw new InvalidRecordException(csv + ": column '" + column + "' is neither match nor left_<name>"
                            + " or right_<name>");
                }
            }
            String where = csv + " line " + line;
            pairs.add(pair(schema, left, right, label(match, where), where, "p" + line));
        }
        return pairs;
    }

    private static List<LabelledPair> readJson(Path json, RecordSchema schema) {
        JsonPair[] rows;
        try {
            rows = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json.toFile(), JsonPair[].class);
        } catch (IOException e) {
            throw new DedupException("cannot read " + json + ": " + e.getMessage(), e);
        }
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String where = json + " pair " + (i + 1);
            if (rows[i].match() == null || rows[i].left() == null || rows[i].right() == null) {
                throw new InvalidRecordException(where + " needs match, left and right");
            }
            pairs.add(pair(schema, rows[i].left(), rows[i].right(), rows[i].match(), where, "p" + (i + 1)));
        }
        return pairs;
    }

    private static LabelledPair pair(RecordSchema schema, Map<String, String> left, Map<String, String> right,
                                     boolean match, String where, String fallbackId) {
        return new LabelledPair(new PersonPair(record(schema, left, where, fallbackId + "-left"),
                record(schema, right, where, fallbackId + "-right")), match);
    }

    private static PersonRecord record(RecordSchema schema, Map<String, String> values, String where,
                                       String fallbackId) {
        Map<String, String> named = new HashMap<>(values);
        String id = named.remove(ID);
        return RecordFiles.record(schema, id == null || id.isBlank() ? fallbackId : id.strip(), named, where);
    }

    private static boolean label(String value, String where) {
        String label = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (label) {
            case "1", "true", "yes", "match" -> true;
            case "0", "false", "no", "non-match" -> false;
            default -> throw new InvalidRecordException(where + ": match must be 1/0, true/false or yes/no, was '"
                    + label + "'");
        };
    }

    /** One pair of a JSON file. */
    private record JsonPair(Boolean match, Map<String, String> left, Map<String, String> right) {
    }
}
