package org.dedup.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiFunction;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.dedup.persistence.JooqAdapters;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static org.dedup.persistence.jooq.Tables.COMPANY;
import static org.dedup.persistence.jooq.Tables.CONTACT;
import static org.dedup.persistence.jooq.Tables.LEAD;

/**
 * A tenant's leads, contacts and companies read from dedup's PostgreSQL database by Spark: the ids by partitioned
 * JDBC reads, each partition a range of the id (so each read is a range scan of the primary key, tenant first);
 * then each partition loads its records through the persistence adapters (two statements per 1,000 leads) and
 * standardizes them, as the single-node search does.
 */
public final class PostgresTenant implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int LOAD_BATCH = 1_000;
    private final String url;
    private final String user;
    private final String password;
    /** The name of dedup's schema (a {@link DedupSchema} is not serializable). */
    private final String schema;
    private final String tenant;

    public PostgresTenant(String url, String user, String password, DedupSchema schema, TenantId tenant) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema.name();
        this.tenant = tenant.value();
    }

    /** The tenant's records, standardized with {@code options}, read in {@code partitions} id ranges per kind. */
    public JavaRDD<StandardizedRecord> read(SparkSession spark, int partitions, StandardizationOptions options) {
        Standardizing standardizing = new Standardizing(options);
        return ids(spark, LEAD, LEAD.TENANT_ID, LEAD.ID, partitions)
                .mapPartitions(ids -> load(RecordKind.LEAD, ids, standardizing))
                .union(ids(spark, CONTACT, CONTACT.TENANT_ID, CONTACT.ID, partitions)
                        .mapPartitions(ids -> load(RecordKind.CONTACT, ids, standardizing)))
                .union(ids(spark, COMPANY, COMPANY.TENANT_ID, COMPANY.ID, partitions)
                        .mapPartitions(ids -> load(RecordKind.COMPANY, ids, standardizing)));
    }

    private JavaRDD<Row> ids(SparkSession spark, Table<?> table, Field<String> tenantColumn, Field<UUID> idColumn,
                             int partitions) {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return spark.read().jdbc(url, DedupSchema.named(schema).qualify(table.getName()), idRanges(tenantColumn, idColumn, partitions), login)
                .select(idColumn.getName()).javaRDD();
    }

    /**
     * One predicate per partition: the tenant, and an equal share of the id's first 32 bits. Columns are named
     * without their table, which Spark names in its own FROM clause.
     */
    private String[] idRanges(Field<String> tenantField, Field<UUID> idField, int partitions) {
        Field<String> tenantColumn = DSL.field(DSL.name(tenantField.getName()), tenantField.getDataType());
        Field<UUID> idColumn = DSL.field(DSL.name(idField.getName()), idField.getDataType());
        String[] predicates = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            Condition range = tenantColumn.eq(tenant);
            if (p > 0) {
                range = range.and(idColumn.ge(rangeStart(p, partitions)));
            }
            if (p < partitions - 1) {
                range = range.and(idColumn.lt(rangeStart(p + 1, partitions)));
            }
            predicates[p] = DSL.using(SQLDialect.POSTGRES).renderInlined(range);
        }
        return predicates;
    }

    /** PostgreSQL orders uuids by their bytes, unsigned: the p-th of n equal ranges starts at p/n of 2^32. */
    private static UUID rangeStart(int p, int partitions) {
        return new UUID(((long) p << 32) / partitions << 32, 0);
    }

    private Iterator<StandardizedRecord> load(RecordKind kind, Iterator<Row> rows, Standardizing standardizing) {
        List<UUID> ids = new ArrayList<>();
        rows.forEachRemaining(row -> ids.add(UUID.fromString(row.getString(0))));
        List<StandardizedRecord> records = new ArrayList<>(ids.size());
        RecordStandardizer standardizer = Standardizing.standardizer();
        StandardizationOptions options = standardizing.options();
        TenantId tenantId = new TenantId(tenant);
        // the driver migrated the schema: a partition only reads
        try (Database database = Database.open(url, user, password, 1, DedupSchema.named(schema))) {
            BiFunction<JooqAdapters, List<UUID>, List<RecordProfile>> loader = switch (kind) {
                case LEAD -> (adapters, batch) -> adapters.leads().findAll(tenantId,
                        batch.stream().map(LeadId::new).toList()).stream()
                        .map(lead -> standardizer.lead(lead, options).all()).toList();
                case CONTACT -> (adapters, batch) -> adapters.contacts().findAll(tenantId,
                        batch.stream().map(ContactId::new).toList()).stream()
                        .map(contact -> standardizer.contact(contact, options)).toList();
                case COMPANY -> (adapters, batch) -> adapters.companies().findAll(tenantId,
                        batch.stream().map(CompanyId::new).toList()).stream()
                        .map(company -> standardizer.company(company, options)).toList();
            };
            for (int start = 0; start < ids.size(); start += LOAD_BATCH) {
                loader.apply(database.adapters(), ids.subList(start, Math.min(ids.size(), start + LOAD_BATCH)))
                        .forEach(profile -> records.add(StandardizedRecord.of(profile)));
            }
        }
        return records.iterator();
    }
}
