package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dedup as an operator starts it, in a JVM of its own: nothing on standard error but what dedup itself says. */
class StartupWarningsTest {
    @TempDir
    Path dir;

    @Test
    void aCommandOnPostgresqlStartsWithoutJdkOrLibraryWarnings() throws Exception {
        String schema = TestPostgres.createSchema("cli_start");
        try {
            Path config = Files.writeString(dir.resolve("dedup.yaml"), """
                    database:
                      url: %s
                      user: %s
                      password: ""
                      schema: %s
                    tenants:
                      - id: acme
                        apiKey: acme-secret-key-0001
                        methods: [email]
                    """.formatted(TestPostgres.url(), TestPostgres.USER, schema));

            Run run = dedup("scan", "--tenant", "acme", "--config", config.toString());

            assertEquals(0, run.exit(), run.stderr());
            assertFalse(run.stderr().contains("WARNING"), run.stderr());
            assertFalse(run.stderr().contains("WARN "), run.stderr());
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }

    private record Run(int exit, String stderr) {
    }

    private Run dedup(String... arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the logging configuration the jar ships, not the tests' logback-test.xml
        String logging = "-Dlogback.configurationFile=" + DedupCommand.class.getResource("/logback.xml");
        List<String> command = new java.util.ArrayList<>(List.of(java, logging, "-cp",
                System.getProperty("java.class.path"), DedupCommand.class.getName()));
        command.addAll(List.of(arguments));
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dedup did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
