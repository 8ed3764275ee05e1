package org.dedup.bench.seed;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.dedup.bench.NamedArgs;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Lead;
import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.dedup.persistence.json.DocumentCodec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a PostgreSQL schema with millions of leads fast: the rows {@code JooqLeadRepository} would write (the lead's
 * own values as a JSON document, one {@code lead_contact} row per linked contact, one {@code lead_key} row per match
 * key) by COPY through PgJDBC's {@code CopyManager}, in batches whose rows are built on every core.
 */
public final class LeadCopy {
    private static final int BATCH = 50_000;
    private final DocumentCodec codec = new DocumentCodec();

    /** A lead to store and the keys it is found by. */
    public record Seeded(Lead lead, Set<MatchKey> keys) {
    }

    /**
     * The database with dedup's tables in {@code schema} (created if missing, migrated), reached with the harness's
     * URL and user; the harness's own statements ({@link #execute}, COPY) find them as the connections' current schema.
     */
    public static Database open(NamedArgs args, String schema, int poolSize) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args.url(), args.user(), args.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + schema);
        }
        Database database = Database.open(args.url(schema), args.user(), args.password(), poolSize,
                DedupSchema.named(schema));
        database.migrate();
        return database;
    }

    /** Runs each statement (a TRUNCATE, an ANALYZE) on its own. */
    public static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** COPYs the rows of {@code rowsOf(0) .. rowsOf(count - 1)} (each one or more leads), then analyzes the tables. */
    public void fill(Database database, int count, IntFunction<List<Seeded>> rowsOf) throws SQLException, IOException {
        fill(database, IntStream.range(0, count).toArray(), rowsOf);
    }

    /** COPYs the rows of {@code rowsOf(n)} for each of {@code numbers}, then analyzes the tables. */
    public void fill(Database database, int[] numbers, IntFunction<List<Seeded>> rowsOf)
            throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < numbers.length; from += BATCH) {
                List<List<Seeded>> batch = Arrays.stream(numbers, from, Math.min(numbers.length, from + BATCH))
                        .parallel().mapToObj(rowsOf).toList();
                StringBuilder leads = new StringBuilder(batch.size() << 8);
                StringBuilder contacts = new StringBuilder(batch.size() << 8);
                StringBuilder keys = new StringBuilder(batch.size() << 8);
                batch.forEach(rows -> rows.forEach(row -> append(row, leads, contacts, keys)));
                copy.copyIn("copy lead (tenant_id, id, version, pipeline, stage, created_at, updated_at, document)"
                        + " from stdin with (format csv)", new StringReader(leads.toString()));
                copy.copyIn("copy lead_contact (tenant_id, lead_id, position, contact_id, role, full_name, document)"
                        + " from stdin with (format csv)", new StringReader(contacts.toString()));
                copy.copyIn("copy lead_key (tenant_id, namespace, key_value, lead_id) from stdin with (format csv)",
                        new StringReader(keys.toString()));
            }
        }
        execute(database, "analyze lead", "analyze lead_contact", "analyze lead_key");
    }

    private void append(Seeded row, StringBuilder leads, StringBuilder contacts, StringBuilder keys) {
        Lead lead = row.lead();
        String tenant = lead.tenant().value();
        leads.append(tenant).append(',').append(lead.id().value()).append(',').append(lead.version()).append(',')
                .append(csv(lead.stage().pipeline())).append(',').append(csv(lead.stage().stage())).append(',')
                .append(lead.createdAt()).append(',').append(lead.updatedAt()).append(',')
                .append(csv(codec.write(lead.withContacts(List.of())))).append('\n');
        for (int position = 0; position < lead.contacts().size(); position++) {
            LinkedContact link = lead.contacts().get(position);
            contacts.append(tenant).append(',').append(lead.id().value()).append(',').append(position).append(',')
                    .append(link.contact().id().value()).append(',').append(link.role().name()).append(',')
                    .append(csv(link.contact().fullName())).append(',').append(csv(codec.write(link.contact())))
                    .append('\n');
        }
        for (MatchKey key : row.keys()) {
            keys.append(tenant).append(',').append(csv(key.namespace())).append(',').append(csv(key.value()))
                    .append(',').append(lead.id().value()).append('\n');
        }
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
