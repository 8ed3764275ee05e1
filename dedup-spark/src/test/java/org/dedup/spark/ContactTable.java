package org.dedup.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;

/** Writes contacts as the files {@link ContactFiles} reads. */
final class ContactTable {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType).add("full_name", DataTypes.StringType)
            .add("emails", DataTypes.StringType).add("phones", DataTypes.StringType);

    private ContactTable() {
    }

    static void write(SparkSession spark, List<Contact> contacts, Path path, String format) {
        List<Row> rows = contacts.stream().map(c -> RowFactory.create(c.id().value().toString(), c.fullName(),
                c.emails().stream().map(Email::address).collect(Collectors.joining(ContactFiles.SEPARATOR)),
                c.phones().stream().map(Phone::number).collect(Collectors.joining(ContactFiles.SEPARATOR)))).toList();
        spark.createDataFrame(rows, SCHEMA).write().format(format).option("header", "true").save(path.toString());
    }
}
