package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL database an older dedup created before the schema setting existed: its tables and Flyway's history in
 * {@code public}, migrated to V10. Served with {@code database.schema: public}, it gets only the newer migrations,
 * keeps its data across restarts, and no {@code dedup} schema appears.
 */
class PublicSchemaHttpTest {
    private static final String KEY = "public-key-0123456789";
    private static final List<TenantConfig> TENANTS = List.of(new TenantConfig("acme", KEY, List.of("email"), null,
            null, null, null));
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String database;
    private String url;

    @BeforeEach
    void anOlderDedupsDatabase() {
        database = "dedup_public_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestPostgres.execute("create database " + database);
        String base = TestPostgres.url();
        int query = base.indexOf('?');
        String path = query < 0 ? base : base.substring(0, query);
        url = path.substring(0, path.lastIndexOf('/') + 1) + database + (query < 0 ? "" : base.substring(query));
        // as dedup migrated before the schema setting: Flyway's defaults, the connection's current schema (public)
        Flyway.configure().dataSource(url, TestPostgres.USER, TestPostgres.PASSWORD).target("10").load().migrate();
    }

    @AfterEach
    void dropTheDatabase() {
        TestPostgres.execute("drop database if exists " + database + " with (force)");
    }

    private DedupApplication app(String schema) {
        return DedupApplication.start(DedupConfig.defaults()
                .withDatabase(new DatabaseConfig(url, TestPostgres.USER, TestPostgres.PASSWORD, 4, schema))
                .withTenants(TENANTS));
    }

    private HttpResponse<String> send(HttpApi api, HttpRequest.Builder request) throws Exception {
        return client.send(request.header("X-Api-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI at(HttpApi api, String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    @Test
    void aDatabaseWithDedupsTablesInPublicKeepsWorkingWithSchemaPublicAndItsLeadsOutliveARestart() throws Exception {
        String lead;
        try (DedupApplication app = app("public");
             HttpApi api = new HttpApi(HttpConfig.on(0, 16_384), TENANTS, app.apiServices())) {
            HttpResponse<String> created = send(api, HttpRequest.newBuilder(at(api, "/v1/leads"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"pipeline": "sales", "stage": "new", "source": "web_form",
                             "contacts": [{"name": "Ola Nordmann", "primary": true, "emails": ["ola@x.io"]}]}""")));
            assertEquals(200, created.statusCode(), created.body());
            lead = json.readTree(created.body()).get("lead").asText();
        }

        try (DedupApplication app = app("public");
             HttpApi api = new HttpApi(HttpConfig.on(0, 16_384), TENANTS, app.apiServices())) {
            HttpResponse<String> found = send(api, HttpRequest.newBuilder(at(api, "/v1/leads/" + lead)).GET());
            assertEquals(200, found.statusCode(), found.body());
        }
        assertEquals(1, count("select count(*) from public.lead"));
        assertEquals(1, count("select count(*) from public.flyway_schema_history where version = '11'"),
                "the newer migration applied in public");
        assertFalse(count("select count(*) from information_schema.schemata where schema_name = 'dedup'") > 0,
                "no dedup schema made beside it");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
