package org.dedup.app.cli;

import java.nio.file.Path;

import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import picocli.CommandLine.Option;

/** The {@code --id-column} and {@code --cluster-column} options of the commands that read clustered record CSVs. */
final class ClusteredRecordColumns {
    @Option(names = "--id-column", description = "id column of --records (default: ${DEFAULT-VALUE})")
    String idColumn = "id";

    @Option(names = "--cluster-column", description = "cluster column of --records (default: ${DEFAULT-VALUE})")
    String clusterColumn = "cluster";

    LabelledRecords read(Path csv, RecordSchema schema) {
        return RecordFiles.readClustered(csv, schema, idColumn, clusterColumn);
    }
}
