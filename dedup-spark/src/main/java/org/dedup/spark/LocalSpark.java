package org.dedup.spark;

import org.apache.spark.sql.SparkSession;

/** A Spark session inside this JVM ({@code local[2]} and the like): for the spark-scan CLI and the tests. */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession session(String master, int partitions) {
        return SparkSession.builder().appName("dedup-spark-scan").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", partitions)
                .config("spark.default.parallelism", partitions)
                .getOrCreate();
    }
}
