package org.dedup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.security.auth.module.UnixSystem;

/**
 * A real PostgreSQL server of the test JVM's own: a fresh cluster in a temporary directory, listening on a free port of
 * 127.0.0.1, with a database {@code test}, stopped and deleted when the JVM exits. PostgreSQL refuses to run as root,
 * so under root its commands run as the user {@code nobody} (through {@code runuser}), who owns the cluster.
 */
final class EmbeddedPostgres {
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final long COMMAND_SECONDS = 120;

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final boolean asRoot;

    private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, boolean asRoot) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.asRoot = asRoot;
    }

    static EmbeddedPostgres start() {
        try {
            boolean asRoot = new UnixSystem().getUid() == 0;
            Path data = Files.createTempDirectory("dedup-test-postgres-");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            if (asRoot) {
                UserPrincipal nobody = data.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(UNPRIVILEGED_USER);
                Files.setOwner(data, nobody);
            }
            EmbeddedPostgres server = new EmbeddedPostgres(PostgresBinaries.unpacked(), data, freePort(), asRoot);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            server.initialise();
            server.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + server.port + " -h 127.0.0.1 -k " + data + " -F -c max_connections=300", "start");
            server.createTestDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/test";
    }

    private void initialise() {
        run("initdb", "-D", dataDirectory.toString(), "-U", TestPostgres.USER, "-A", "trust", "-E", "UTF8",
                "--no-locale", "--no-sync");
    }

    private void createTestDatabase() {
        String postgres = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(postgres, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("create database test");
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL on port " + port + ": " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", dataDirectory.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException ignored) {
            // already stopped, or never started: the directory goes either way
        }
        try {
            PostgresBinaries.deleteTree(dataDirectory);
        } catch (IOException ignored) {
            // a temporary directory: the operating system cleans it up in the end
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + COMMAND_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8) + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    private String serverLog() {
        Path log = dataDirectory.resolve("server.log");
        try {
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
