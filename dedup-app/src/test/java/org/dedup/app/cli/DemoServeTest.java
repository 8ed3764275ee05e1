package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dedup demo --serve} as a person starts it: a JVM of its own, on a free port, its embedded H2 database in a
 * temporary directory. The address and key it prints sign in to the console, which shows the demo's review items,
 * and the server stops cleanly when the process is told to stop.
 */
class DemoServeTest {
    private static final Pattern DATABASE = Pattern.compile("embedded H2 database in (\\S+)");
    private static final Pattern CONSOLE = Pattern.compile("console on (http://127\\.0\\.0\\.1:\\d+)/console ");
    private static final Pattern KEY = Pattern.compile("sign in with the demo tenant's API key: (\\S+) ");
    private static final Pattern ITEM = Pattern.compile("href=\"/console/review/[0-9a-f-]{36}\"");
    private static final int START_SECONDS = 600;
    private static final int STOP_SECONDS = 60;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> printed = java.util.Collections.synchronizedList(new ArrayList<>());
    private Process demo;

    @TempDir
    Path dir;

    /** What the demo printed that a person needs: where its database is, the console's address and the key. */
    private record Served(Path database, String console, String key) {
    }

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        if (demo != null && demo.isAlive()) {
            demo.destroyForcibly();
            demo.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void demoServeKeepsTheDemoTenantServedAndPrintsTheConsolesAddressAndKey() throws Exception {
        Path log = dir.resolve("demo.log");
        Served served = start(log);
        assertTrue(served.database().startsWith(dir), "the demo's H2 database is in the temporary directory: "
                + served.database());

        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(served.console()
                        + "/console/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + URLEncoder.encode(served.key(),
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> review = client.send(HttpRequest.newBuilder(URI.create(served.console()
                + "/console/review")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, review.statusCode(), review.body());
        assertTrue(review.body().contains("<h1>Review queue</h1>"), review.body());
        assertTrue(ITEM.matcher(review.body()).find(), "the demo's review items are listed: " + review.body());

        demo.destroy();
        assertTrue(demo.waitFor(STOP_SECONDS, TimeUnit.SECONDS), "stopped within " + STOP_SECONDS + " s; its log: "
                + Files.readString(log, StandardCharsets.UTF_8));
        assertEquals(143, demo.exitValue(), "stopped by SIGTERM, its shutdown hook run");
        assertThrows(ConnectException.class, () -> client.send(HttpRequest.newBuilder(URI.create(served.console()
                + "/health")).build(), HttpResponse.BodyHandlers.discarding()), "the port is closed");
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(logged.contains("ERROR") || logged.contains("Exception"), "a clean stop: " + logged);
    }

    /** Starts the demo and waits, a bounded time, until it prints the console's key; fails with its output if not. */
    private Served start(Path log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the logging configuration the jar ships, not the tests' logback-test.xml
        String logging = "-Dlogback.configurationFile=" + DedupCommand.class.getResource("/logback.xml");
        ProcessBuilder command = new ProcessBuilder(java, logging, "-Djava.io.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), DedupCommand.class.getName(), "demo", "--serve", "--port", "0",
                "--people", "500").directory(dir.toFile()).redirectError(log.toFile());
        command.environment().keySet().removeIf(name -> name.startsWith("DEDUP_"));
        demo = command.start();
        CompletableFuture<Served> served = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(demo, served), "demo-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return served.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError("dedup demo --serve printed no key within " + START_SECONDS + " s; it printed "
                    + printed + "; its log: " + Files.readString(log, StandardCharsets.UTF_8), e);
        }
    }

    /** Reads all the demo prints (its output must not fill up), answering what it needs once the key is printed. */
    private void read(Process process, CompletableFuture<Served> served) {
        Path database = null;
        String console = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                printed.add(line);
                Matcher at = DATABASE.matcher(line);
                Matcher address = CONSOLE.matcher(line);
                Matcher key = KEY.matcher(line);
                if (at.find()) {
                    database = Path.of(at.group(1));
                } else if (address.find()) {
                    console = address.group(1);
                } else if (key.find() && database != null && console != null) {
                    served.complete(new Served(database, console, key.group(1)));
                }
            }
            served.completeExceptionally(new IllegalStateException("dedup demo --serve ended"));
        } catch (IOException e) {
            served.completeExceptionally(e);
        }
    }
}
