package org.dedup.spark;

import org.apache.spark.sql.SparkSession;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.SpilledSearchResult;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.dedup.persistence.JooqAdapters;

/**
 * {@link DuplicateSearch#scan} as a Spark job: a tenant read from PostgreSQL with its rules (the preconfigured
 * ones until it saves its own), standardization options, marks and previous groups; the groups found replace the
 * tenant's groups through the same adapter, atomically, streamed to it as the search gives them. The driver
 * migrates dedup's schema first, once.
 */
public final class PostgresScan {
    private final String url;
    private final String user;
    private final String password;
    private final DedupSchema schema;

    public PostgresScan(String url, String user, String password, DedupSchema schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public SpilledSearchResult run(SparkSession spark, TenantId tenant, int partitions) {
        try (Database database = Database.open(url, user, password, 2, schema)) {
            database.migrate();
            JooqAdapters adapters = database.adapters();
            return new SparkBulkSearch(spark).run(
                    new PostgresTenant(url, user, password, schema, tenant)
                            .read(spark, partitions, adapters.settings().settings(tenant).standardization()),
                    PreconfiguredRules.orPreconfigured(adapters.settings().rules(tenant)),
                    adapters.notDuplicates().all(tenant), adapters.duplicateGroups().groups(tenant),
                    groups -> adapters.duplicateGroups().replace(tenant, groups));
        }
    }
}
