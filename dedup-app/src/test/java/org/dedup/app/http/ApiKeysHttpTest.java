package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.dedup.app.config.ConfigException;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** API keys configured as hashes, and clients that guess keys. */
class ApiKeysHttpTest {
    private static final String PLAIN_KEY = "plain-key-0123456789";
    private static final String HASHED_KEY = "hashed-key-0123456789";
    private static final String HASH = "sha256:" + HexFormat.of().formatHex(ApiKeys.sha256(HASHED_KEY));
    private ServerOnPostgres server;

    @BeforeEach
    void start() {
        server = ServerOnPostgres.start("keys", HttpConfig.on(0, 16_384), List.of(
                new TenantConfig("plain", PLAIN_KEY, List.of("email"), null, null, null, null),
                new TenantConfig("hashed", HASH, List.of("email"), null, null, null, null)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> settings(String key) throws Exception {
        return server.send(server.request("/v1/settings").header("X-Api-Key", key));
    }

    /** The status line of a GET /v1/settings sent from {@code client}, a loopback address of this machine. */
    private String settingsFrom(String client, String key) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.api.port(),
                InetAddress.getByName(client), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/settings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines()
                    .findFirst().orElse("");
        }
    }

    @Nested
    class HashedKeys {
        @Test
        void aTenantConfiguredWithTheHashOfItsKeyIsReachedWithTheKeyNotWithTheHash() throws Exception {
            assertEquals(200, settings(HASHED_KEY).statusCode());
            assertEquals(200, settings(PLAIN_KEY).statusCode());
            assertEquals(401, settings(HASH).statusCode());
        }

        @Test
        void aHashThatIsNotSixtyFourHexDigitsIsRefusedAtStartNamingTheTenant() {
            ConfigException refused = assertThrows(ConfigException.class, () -> new HttpApi(HttpConfig.on(0, 16_384),
                    List.of(new TenantConfig("broken", "sha256:not-hex-at-all-0123", List.of("email"), null, null,
                            null, null)), server.app.apiServices()));
            assertTrue(refused.getMessage().contains("tenants[broken].apiKey"), refused.getMessage());
        }
    }

    @Nested
    class Guessing {
        @Test
        void aClientThatSentTwentyWrongKeysGets429WithRetryAfterEvenForTheRightOne() throws Exception {
            for (int i = 0; i < 20; i++) {
                assertEquals(401, settings("guess-" + i + "-0123456789").statusCode());
            }

            HttpResponse<String> throttled = settings("guess-20-0123456789");
            HttpResponse<String> right = settings(PLAIN_KEY);

            assertEquals(429, throttled.statusCode(), throttled.body());
            int retryAfter = Integer.parseInt(throttled.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(429, right.statusCode(), "a right guess is not told apart while throttled");
        }

        @Test
        void anotherClientAddressIsNotThrottled() throws Exception {
            for (int i = 0; i < 21; i++) {
                settingsFrom("127.0.0.3", "guess-" + i + "-0123456789");
            }

            assertTrue(settingsFrom("127.0.0.3", PLAIN_KEY).contains(" 429 "));
            assertTrue(settingsFrom("127.0.0.4", PLAIN_KEY).contains(" 200 "));
        }
    }
}
