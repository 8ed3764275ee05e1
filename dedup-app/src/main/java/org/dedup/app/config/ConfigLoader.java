package org.dedup.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the configuration file (YAML, or JSON which is YAML too) and applies environment overrides. */
public final class ConfigLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public DedupConfig load(Path file, Map<String, String> environment) {
        DedupConfig config = withEnvironment(file == null ? DedupConfig.defaults() : read(file), environment);
        config.tenants().forEach(TenantConfig::settings);
        config.tenants().forEach(TenantConfig::source);
        return config;
    }

    private DedupConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("file", file + " does not exist");
        }
        try {
            DedupConfig config = yaml.readValue(file.toFile(), DedupConfig.class);
            return config == null ? DedupConfig.defaults() : config;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ConfigException invalid) {
                throw invalid;
            }
            throw new ConfigException(path(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("file", file + " cannot be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }

    static DedupConfig withEnvironment(DedupConfig config, Map<String, String> env) {
        DedupConfig result = config;
        DatabaseConfig db = config.database();
        if (env.containsKey("DEDUP_DATABASE_URL") || env.containsKey("DEDUP_DATABASE_USER")
                || env.containsKey("DEDUP_DATABASE_PASSWORD")) {
            result = result.withDatabase(new DatabaseConfig(env.getOrDefault("DEDUP_DATABASE_URL", db.url()),
                    env.get("DEDUP_DATABASE_USER") == null ? (env.containsKey("DEDUP_DATABASE_URL") ? null : db.user())
                            : env.get("DEDUP_DATABASE_USER"),
                    env.getOrDefault("DEDUP_DATABASE_PASSWORD", db.password()), db.poolSize(), db.schema()));
        }
        if (env.containsKey("DEDUP_HTTP_PORT")) {
            try {
                result = result.withHttp(config.http().withPort(Integer.parseInt(env.get("DEDUP_HTTP_PORT").trim())));
            } catch (NumberFormatException e) {
                throw new ConfigException("DEDUP_HTTP_PORT", "must be a number, was '" + env.get("DEDUP_HTTP_PORT")
                        + "'");
            }
        }
        if (env.containsKey("DEDUP_PLUGINS_DIR")) {
            result = result.withPluginsDir(Path.of(env.get("DEDUP_PLUGINS_DIR")));
        }
        return result;
    }
}
