package org.dedup.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;

/**
 * The groups a Spark job wrote ({@link GroupFiles}) as lines, for a comparison with the single-node search's groups
 * (bench's {@code SpillingSearchHarness groups=}): each group's members' kinds and ids in the domain's order, a tab,
 * then its rules; one line a group, unsorted. Group ids are left out: a new group's id is random in both.
 *
 * <pre>java -cp ... org.dedup.spark.GroupLines /tmp/groups-1m.parquet /tmp/spark-groups-1m.txt</pre>
 */
public final class GroupLines {
    private GroupLines() {
    }

    public static void main(String[] args) throws IOException {
        SparkSession spark = LocalSpark.session("local[2]", 4);
        spark.sparkContext().setLogLevel("WARN");
        Map<String, List<RecordRef>> members = new HashMap<>();
        Map<String, String> rules = new HashMap<>();
        try {
            Iterator<Row> rows = spark.read().parquet(args[0]).toLocalIterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                String group = row.getString(row.fieldIndex("group_id"));
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(RecordRef.of(
                        RecordKind.valueOf(row.getString(row.fieldIndex("member_kind"))),
                        UUID.fromString(row.getString(row.fieldIndex("member_id")))));
                rules.putIfAbsent(group, String.join(",", row.<String>getList(row.fieldIndex("rules"))));
            }
        } finally {
            spark.stop();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            members.forEach((group, refs) -> out.println(refs.stream().sorted()
                    .map(ref -> ref.kind().name() + ":" + ref.value()).collect(Collectors.joining(" ")) + "\t"
                    + rules.get(group)));
        }
    }
}
