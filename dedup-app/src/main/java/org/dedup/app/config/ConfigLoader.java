package org.dedup.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the configuration file (YAML, or JSON which is YAML too) and applies environment overrides. */
public final class ConfigLoader {
    /** Jackson's message for a key given twice (STRICT_DUPLICATE_DETECTION), the key in quotes. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
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
            if (e.getCause() instanceof StreamReadException unreadable && givenTwice(unreadable).isPresent()) {
                throw givenTwice(unreadable).get();
            }
            throw new ConfigException(path(e), e.getOriginalMessage());
        } catch (StreamReadException e) {
            throw givenTwice(e).orElseGet(() -> new ConfigException("file", file + " cannot be read: "
                    + e.getMessage()));
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

    /** A key given twice (STRICT_DUPLICATE_DETECTION), named with the path of the object that holds it. */
    private static Optional<ConfigException> givenTwice(StreamReadException e) {
        Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
        if (!duplicate.matches() || e.getProcessor() == null) {
            return Optional.empty();
        }
        Deque<String> steps = new ArrayDeque<>(List.of("." + duplicate.group(1)));
        for (JsonStreamContext at = e.getProcessor().getParsingContext().getParent(); at != null && !at.inRoot();
                at = at.getParent()) {
            steps.push(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName());
        }
        return Optional.of(new ConfigException(String.join("", steps).substring(1), "is given twice"));
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
        if (env.containsKey("DEDUP_DATABASE_SCHEMA")) {
            DatabaseConfig now = result.database();
            result = result.withDatabase(new DatabaseConfig(now.url(), now.user(), now.password(), now.poolSize(),
                    env.get("DEDUP_DATABASE_SCHEMA").strip()));
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
