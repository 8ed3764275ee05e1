package org.dedup.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.GroupSource;

/**
 * Groups written as Parquet, one row per member: group_id, member_kind, member_id, rules. The groups are written in
 * batches as they come, so the driver holds one batch of rows, not every group.
 */
public final class GroupFiles {
    /** Rows (members) per batch: some tens of megabytes on the driver. */
    private static final int BATCH_ROWS = 200_000;
    private static final StructType SCHEMA = new StructType()
            .add("group_id", DataTypes.StringType, false)
            .add("member_kind", DataTypes.StringType, false)
            .add("member_id", DataTypes.StringType, false)
            .add("rules", DataTypes.createArrayType(DataTypes.StringType), false);

    private GroupFiles() {
    }

    /** Writes {@code groups} to {@code path}, replacing what was there. */
    public static void write(SparkSession spark, GroupSource groups, String path) {
        Batches batches = new Batches(spark, path);
        groups.forEach(batches::add);
        batches.finish();
    }

    /** The rows of the groups given so far, written when a batch is full: the first replaces, the next append. */
    private static final class Batches {
        private final SparkSession spark;
        private final String path;
        private final List<Row> rows = new ArrayList<>();
        private SaveMode mode = SaveMode.Overwrite;

        Batches(SparkSession spark, String path) {
            this.spark = spark;
            this.path = path;
        }

        void add(DuplicateGroup group) {
            for (RecordRef member : group.members()) {
                rows.add(RowFactory.create(group.id().toString(), member.kind().name(), member.value().toString(),
                        group.rules().toArray(String[]::new)));
            }
            if (rows.size() >= BATCH_ROWS) {
                flush();
            }
        }

        /** Writes the last rows; with no group at all, an empty table still replaces what was there. */
        void finish() {
            if (!rows.isEmpty() || mode == SaveMode.Overwrite) {
                flush();
            }
        }

        private void flush() {
            spark.createDataFrame(rows, SCHEMA).write().mode(mode).parquet(path);
            rows.clear();
            mode = SaveMode.Append;
        }
    }
}
