package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the server logs about failing requests: no personal data and no SQL above DEBUG, and a failure repeated by
 * many requests is logged once a minute, not once per request.
 */
class LogPrivacyHttpTest {
    private static final String KEY = "logs-key-0123456789";
    private static final String EMAIL = "private.person.0042@x.io";
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private ServerOnPostgres server;

    @BeforeEach
    void start() {
        server = ServerOnPostgres.start("logs", HttpConfig.on(0, 16_384),
                List.of(new TenantConfig("acme", KEY, List.of("email"), null, null, null, null)));
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        server.close();
    }

    /** A lead the database refuses to store (PostgreSQL takes no NUL character in text), carrying an email. */
    private HttpResponse<String> refusedByTheDatabase() throws Exception {
        String lead = """
                {"name": "Secret lead", "pipeline": "sales", "stage": "new",
                 "contacts": [{"name": "Private\\u0000Person", "primary": true, "emails": ["%s"]}]}""".formatted(EMAIL);
        return server.send(server.request("/v1/leads").header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(lead)));
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append(' ').append(thrown.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    @Test
    void aFailedStatementIsLoggedWithoutThePersonItWasAboutOrItsSql() throws Exception {
        HttpResponse<String> refused = refusedByTheDatabase();

        assertEquals(422, refused.statusCode(), refused.body());
        List<String> aboveDebug = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(LogPrivacyHttpTest::text).toList();
        assertTrue(aboveDebug.stream().anyMatch(line -> line.contains("request failed (reference")), aboveDebug
                .toString());
        assertTrue(aboveDebug.stream().noneMatch(line -> line.contains(EMAIL) || line.contains("private")
                || line.contains("secret") || line.contains("insert into") || line.contains("0x00")),
                aboveDebug.toString());
    }

    @Test
    void fiftyRequestsFailingAlikeMakeOneWarning() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertEquals(422, refusedByTheDatabase().statusCode());
        }

        long warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().startsWith("request failed")).count();
        assertEquals(1, warnings);
    }
}
