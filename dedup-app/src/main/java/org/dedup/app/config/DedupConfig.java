package org.dedup.app.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The application configuration: one YAML or JSON file, with environment overrides ({@code DEDUP_DATABASE_URL},
 * {@code DEDUP_DATABASE_USER}, {@code DEDUP_DATABASE_PASSWORD}, {@code DEDUP_HTTP_PORT}, {@code DEDUP_PLUGINS_DIR}).
 */
public record DedupConfig(DatabaseConfig database, HttpConfig http, List<TenantConfig> tenants, Path pluginsDir,
                          Map<String, Map<String, String>> matchers, LimitsConfig limits,
                          SchedulesConfig schedules, WebhooksConfig webhooks, ReindexConfig reindex) {
    public DedupConfig {
        database = database == null ? DatabaseConfig.embedded() : database;
        http = http == null ? HttpConfig.defaults() : http;
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        pluginsDir = pluginsDir == null ? Path.of("plugins") : pluginsDir;
        matchers = matchers == null ? Map.of() : Map.copyOf(matchers);
        limits = limits == null ? LimitsConfig.defaults() : limits;
        schedules = schedules == null ? SchedulesConfig.defaults() : schedules;
        webhooks = webhooks == null ? WebhooksConfig.defaults() : webhooks;
        reindex = reindex == null ? ReindexConfig.defaults() : reindex;
        requireDistinct(tenants, TenantConfig::id, "id");
        // a shared key would send one tenant's requests to the other; the key itself is never printed
        requireDistinct(tenants, TenantConfig::apiKey, "apiKey");
    }

    private static void requireDistinct(List<TenantConfig> tenants, Function<TenantConfig, String> value,
                                        String key) {
        Map<String, TenantConfig> first = new HashMap<>();
        for (TenantConfig tenant : tenants) {
            TenantConfig earlier = first.putIfAbsent(value.apply(tenant), tenant);
            if (earlier != null) {
                throw new ConfigException("tenants[" + tenant.id() + "]." + key, "is the same as tenants["
                        + earlier.id() + "]." + key + ": each tenant needs its own");
            }
        }
    }

    public static DedupConfig defaults() {
        return new DedupConfig(null, null, null, null, null, null, null, null, null);
    }

    public DedupConfig withDatabase(DatabaseConfig newDatabase) {
        return new DedupConfig(newDatabase, http, tenants, pluginsDir, matchers, limits, schedules, webhooks, reindex);
    }

    public DedupConfig withHttp(HttpConfig newHttp) {
        return new DedupConfig(database, newHttp, tenants, pluginsDir, matchers, limits, schedules, webhooks, reindex);
    }

    public DedupConfig withPluginsDir(Path dir) {
        return new DedupConfig(database, http, tenants, dir, matchers, limits, schedules, webhooks, reindex);
    }

    public DedupConfig withLimits(LimitsConfig newLimits) {
        return new DedupConfig(database, http, tenants, pluginsDir, matchers, newLimits, schedules, webhooks, reindex);
    }

    public DedupConfig withTenants(List<TenantConfig> newTenants) {
        return new DedupConfig(database, http, newTenants, pluginsDir, matchers, limits, schedules, webhooks, reindex);
    }

    public DedupConfig withSchedules(SchedulesConfig newSchedules) {
        return new DedupConfig(database, http, tenants, pluginsDir, matchers, limits, newSchedules, webhooks, reindex);
    }

    public DedupConfig withWebhooks(WebhooksConfig newWebhooks) {
        return new DedupConfig(database, http, tenants, pluginsDir, matchers, limits, schedules, newWebhooks, reindex);
    }
}
