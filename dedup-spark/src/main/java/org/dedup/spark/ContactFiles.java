package org.dedup.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * Contacts read from CSV (with a header) or Parquet files: columns {@code id} (UUID), {@code full_name},
 * {@code emails} and {@code phones}, several values separated by {@code |}. Standardized on the executors.
 */
public final class ContactFiles {
    /** What separates several emails or phones in one column. */
    public static final String SEPARATOR = "|";

    private ContactFiles() {
    }

    /** The standardized contacts of the files at {@code path}, {@code format} being {@code csv} or {@code parquet}. */
    public static JavaRDD<StandardizedRecord> read(SparkSession spark, String path, String format,
                                                   StandardizationOptions options) {
        return standardized(spark, path, format, options,
                (contact, standardizer, shipped) -> StandardizedRecord.of(standardizer.contact(contact, shipped)));
    }

    /** The contacts of the files at {@code path} as a scan reads them, each with its profile: for a model. */
    public static JavaRDD<ScannedRecord> readScanned(SparkSession spark, String path, String format,
                                                     StandardizationOptions options) {
        return standardized(spark, path, format, options,
                (contact, standardizer, shipped) -> new ScannedRecord.OfParty(contact,
                        standardizer.contact(contact, shipped)));
    }

    /** What one contact read from a file becomes, given the executor's standardizer and options. */
    @FunctionalInterface
    private interface Standardized<T> extends Serializable {
        T of(Contact contact, RecordStandardizer standardizer, StandardizationOptions options);
    }

    /** The contacts of the files, each made into a {@code T} on the executors by {@code standardized}. */
    private static <T> JavaRDD<T> standardized(SparkSession spark, String path, String format,
                                               StandardizationOptions options, Standardized<T> standardized) {
        Standardizing standardizing = new Standardizing(options);
        return spark.read().format(format).option("header", "true").load(path)
                .select("id", "full_name", "emails", "phones").javaRDD()
                .mapPartitions(rows -> {
                    RecordStandardizer standardizer = Standardizing.standardizer();
                    StandardizationOptions shipped = standardizing.options();
                    return new MappedIterator<>(rows, row -> standardized.of(contact(row), standardizer, shipped));
                });
    }

    private static Contact contact(Row row) {
        return new Contact(new ContactId(UUID.fromString(row.getString(0))), row.getString(1),
                values(row.getString(3)).stream().map(number -> Phone.of(PhoneType.WORK, number)).toList(),
                values(row.getString(2)).stream().map(Email::of).toList(), Map.of());
    }

    private static List<String> values(String column) {
        return column == null || column.isEmpty() ? List.of()
                : Arrays.asList(column.split(Pattern.quote(SEPARATOR)));
    }
}
