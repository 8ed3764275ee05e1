package org.dedup.spark;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.ScanMethod;
import org.dedup.domain.search.SpilledSearchResult;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.persistence.DedupSchema;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dedup spark-scan}: the bulk search as a Spark job in local mode. A tenant from PostgreSQL gets its groups
 * replaced there, as {@code dedup scan} does; contacts from CSV or Parquet files get their groups written as
 * Parquet. On a cluster, run {@link PostgresScan} or {@link SparkBulkSearch} through {@code spark-submit} instead.
 */
@Command(name = "spark-scan", mixinStandardHelpOptions = true,
        description = "Bulk duplicate search as an Apache Spark job in local mode.")
public final class SparkScanCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--partitions", defaultValue = "4", description = "read and shuffle partitions")
    int partitions;

    @Option(names = "--method", defaultValue = "rules",
            description = "rules, big_data (the shipped model) or both, as dedup scan --method (default: ${DEFAULT-VALUE})")
    String method;

    static final class Source {
        @ArgGroup(exclusive = false)
        Database database;
        @ArgGroup(exclusive = false)
        Files files;
    }

    static final class Database {
        @Option(names = "--database-url", required = true, description = "PostgreSQL JDBC URL")
        String url;
        @Option(names = "--database-user", defaultValue = "postgres")
        String user;
        @Option(names = "--database-password", defaultValue = "${env:DEDUP_DATABASE_PASSWORD}")
        String password;
        @Option(names = "--database-schema", defaultValue = "dedup",
                description = "the schema of dedup's tables (default: ${DEFAULT-VALUE})")
        String schema;
        @Option(names = "--tenant", required = true)
        String tenant;
    }

    static final class Files {
        @Option(names = "--input", required = true, description = "contact files: id, full_name, emails, phones")
        String input;
        @Option(names = "--format", defaultValue = "parquet", description = "csv or parquet")
        String format;
        @Option(names = "--output", required = true, description = "where the groups are written as Parquet")
        String output;
        @Option(names = "--region", defaultValue = "US", description = "region national phone numbers are read in")
        String region;
    }

    @Override
    public Integer call() {
        SparkSession spark = LocalSpark.session(master, partitions);
        spark.sparkContext().setLogLevel("WARN");
        try {
            SpilledSearchResult result = source.database != null ? scanDatabase(spark) : scanFiles(spark);
            System.err.printf("%d records, %d groups, %,d pairs compared of %,d possible, %d oversized blocks, %.1f s%n",
                    result.records(), result.groups(), result.pairsCompared(), result.allPairs(),
                    result.oversizedBlocks().size(), result.elapsed().toMillis() / 1000.0);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private SpilledSearchResult scanDatabase(SparkSession spark) {
        if (ScanMethod.named(method) != ScanMethod.RULES) {
            throw new InvalidOptionException("method", "a tenant read from PostgreSQL is searched by its rules only; "
                    + "big_data and both read contact files (--input)");
        }
        Database db = source.database;
        return new PostgresScan(db.url, db.user, db.password == null ? "" : db.password, DedupSchema.named(db.schema))
                .run(spark, new TenantId(db.tenant), partitions);
    }

    private SpilledSearchResult scanFiles(SparkSession spark) {
        Files files = source.files;
        ScanMethod scanMethod = ScanMethod.named(method);
        StandardizationOptions options = new StandardizationOptions(files.region,
                StandardizationOptions.defaults().emailFolding());
        if (scanMethod == ScanMethod.RULES) {
            return new SparkBulkSearch(spark).run(ContactFiles.read(spark, files.input, files.format, options),
                    PreconfiguredRules.all(), Set.of(), List.of(),
                    groups -> GroupFiles.write(spark, groups, files.output));
        }
        List<DuplicateRule> rules = scanMethod == ScanMethod.BIG_DATA ? List.of() : PreconfiguredRules.all();
        BulkSearchResult result = new SparkModelSearch(spark).run(
                ContactFiles.readScanned(spark, files.input, files.format, options), rules, ShippedLinker.bigData(),
                Set.of(), List.of());
        GroupFiles.write(spark, result.groups()::forEach, files.output);
        return new SpilledSearchResult(result.records(), result.pairsCompared(), result.allPairs(),
                result.groups().size(), result.oversizedBlocks(), 0, result.elapsed());
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new SparkScanCommand());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof DedupException) {
                cmd.getErr().println("dedup spark-scan: " + error.getMessage());
                return 2;
            }
            throw error;
        });
        System.exit(commandLine.execute(args));
    }
}
