package org.dedup.persistence;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.dedup.persistence.jooq.Dedup;
import org.flywaydb.core.Flyway;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;

/**
 * The database schema that holds every table of dedup ({@code dedup} unless configured), so that they never meet a
 * hosting application's own tables of the same names (a CRM's {@code lead}, {@code contact}, {@code company}).
 * Flyway migrates into it, and every statement names it: nothing depends on the connection's current schema.
 *
 * @param name a lower-case SQL identifier, so that it means the same schema quoted or not, on PostgreSQL and on H2
 */
public record DedupSchema(String name) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** The schema dedup uses unless told otherwise. */
    public static final DedupSchema DEFAULT = new DedupSchema("dedup");

    public DedupSchema {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("the schema must be a lower-case SQL identifier (letters a-z, digits"
                    + " and _, at most 63, not starting with a digit), was '" + name + "'");
        }
    }

    public static DedupSchema named(String name) {
        return new DedupSchema(name);
    }

    /**
     * Creates the schema if it is missing and brings dedup's tables in it up to date: the one step a hosting
     * application runs, once, at start and before the first use of dedup (the Guice modules never migrate). Flyway's
     * history of it is kept in the schema too. Versions are handed out to work done in parallel, so one may land
     * after a higher one was applied (V7 after V8): a database already past it takes it when it comes instead of
     * refusing to start; each migration creates what it names and depends on no later one.
     */
    public void migrate(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    /** Whether every migration of this build is applied in the schema (none pending). */
    public boolean migrated(DataSource dataSource) {
        return flyway(dataSource).info().pending().length == 0;
    }

    private Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(name).defaultSchema(name).outOfOrder(true)
                .javaMigrations(new RoomForUpdatesInPlace()).load();
    }

    /** {@code table} of dedup named with its schema, for a library that takes a table name (db-scheduler). */
    public String qualify(String table) {
        return name + "." + table;
    }

    /** jOOQ's classes are generated in the schema {@code dedup}: the SQL they render names this schema instead. */
    RenderMapping renderMapping() {
        return new RenderMapping().withSchemata(new MappedSchema().withInput(Dedup.DEDUP.getName()).withOutput(name));
    }
}
