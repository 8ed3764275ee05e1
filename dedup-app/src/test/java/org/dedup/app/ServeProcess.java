package org.dedup.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dedup.app.cli.DedupCommand;

/**
 * {@code dedup serve} in a JVM of its own, on the test's class path, so that a test can stop it as a crash would:
 * {@link #kill} sends SIGKILL, and nothing of the server runs after it (no shutdown hook, no last statement).
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("dedup serving on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private final Process process;
    private final int port;

    private ServeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code dedup serve --config config} (its output in {@code dir}, files named after {@code name}) and
     * waits, two minutes at most, until it says on which port it serves.
     */
    public static ServeProcess start(Path config, Path dir, String name) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String logging = "-Dlogback.configurationFile=" + DedupCommand.class.getResource("/logback.xml");
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process server = new ProcessBuilder(java, logging, "-cp", System.getProperty("java.class.path"),
                DedupCommand.class.getName(), "serve", "--config", config.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Instant deadline = Instant.now().plus(PATIENCE);
        try {
            while (Instant.now().isBefore(deadline)) {
                Matcher serving = SERVING.matcher(Files.readString(out, StandardCharsets.UTF_8));
                if (serving.find()) {
                    return new ServeProcess(server, Integer.parseInt(serving.group(1)));
                }
                if (!server.isAlive()) {
                    throw new AssertionError("dedup serve ended: " + Files.readString(err));
                }
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.destroyForcibly();
            throw e;
        }
        server.destroyForcibly();
        throw new AssertionError("dedup serve did not start within " + PATIENCE);
    }

    public int port() {
        return port;
    }

    /** Sends SIGKILL and waits for the process to end; its exit status (137 when the signal ended it). */
    public int kill() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", String.valueOf(process.pid())).start().waitFor();
        return process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
