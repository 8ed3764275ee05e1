package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document against the server's route table: a route the document does not describe fails here. */
class OpenApiDocumentTest {
    private static final JsonNode DOCUMENT = OpenApi.document();
    /** The members of a path item that are operations (the others: parameters, summary...). */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static DedupApplication app;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        DedupConfig config = DedupConfig.defaults().withDatabase(DatabaseConfig.of("jdbc:h2:mem:openapi;"
                        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))
                .withTenants(List.of(new TenantConfig("doc", "doc-key-0123456789", List.of("email"), null, null,
                        null, null)));
        app = DedupApplication.start(config);
        api = new HttpApi(HttpConfig.on(0, 16_384), config.tenants(), app.apiServices());
    }

    @AfterAll
    static void stop() {
        api.close();
        app.close();
    }

    private static JsonNode operation(Route route) {
        return DOCUMENT.path("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
    }

    @Test
    void everyRouteHasAnOperationWithAnOperationIdAndASchemaForEachResponse() {
        List<String> undocumented = new ArrayList<>();
        for (Route route : api.routes()) {
            JsonNode operation = operation(route);
            String name = route.method() + " " + route.path();
            if (operation.path("operationId").asText().isBlank()) {
                undocumented.add(name + ": no operationId");
            }
            if (operation.path("responses").isEmpty()) {
                undocumented.add(name + ": no responses");
            }
            operation.path("responses").properties().forEach(response -> {
                JsonNode content = response.getValue().path("content");
                boolean schema = content.isObject() && !content.isEmpty()
                        && content.properties().stream().allMatch(media -> media.getValue().has("schema"));
                if (!schema) {
                    undocumented.add(name + " " + response.getKey() + ": no schema");
                }
            });
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyDocumentedOperationIsARouteAndTheirIdsAreUnique() {
        Set<String> routes = new HashSet<>();
        api.routes().forEach(route -> routes.add(route.method().name().toLowerCase(Locale.ROOT) + " " + route.path()));
        Set<String> documented = new TreeSet<>();
        List<String> ids = new ArrayList<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(member -> METHODS.contains(member.getKey())).forEach(operation -> {
                    documented.add(operation.getKey() + " " + path.getKey());
                    ids.add(operation.getValue().path("operationId").asText());
                }));

        assertEquals(new TreeSet<>(routes), documented);
        assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
    }

    @Test
    void everySchemaReferenceResolves() {
        List<String> missing = new ArrayList<>();
        references(DOCUMENT, missing);
        assertTrue(missing.isEmpty(), missing.toString());
    }

    private static void references(JsonNode node, List<String> missing) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = DOCUMENT.at(ref.substring(1));
            if (target.isMissingNode()) {
                missing.add(ref);
            }
        }
        node.forEach(child -> references(child, missing));
    }
}
