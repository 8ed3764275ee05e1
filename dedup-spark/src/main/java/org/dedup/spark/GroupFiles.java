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

/** Groups written as Parquet, one row per member: group_id, member_kind, member_id, rules. */
public final class GroupFiles {
    private static final StructType SCHEMA = new StructType()
            .add("group_id", DataTypes.StringType, false)
            .add("member_kind", DataTypes.StringType, false)
            .add("member_id", DataTypes.StringType, false)
            .add("rules", DataTypes.createArrayType(DataTypes.StringType), false);

    private GroupFiles() {
    }

    /** Writes {@code groups} to {@code path}, replacing what was there. */
    public static void write(SparkSession spark, List<DuplicateGroup> groups, String path) {
        List<Row> rows = new ArrayList<>();
        for (DuplicateGroup group : groups) {
            for (RecordRef member : group.members()) {
                rows.add(RowFactory.create(group.id().toString(), member.kind().name(), member.value().toString(),
                        group.rules().toArray(String[]::new)));
            }
        }
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(path);
    }
}
