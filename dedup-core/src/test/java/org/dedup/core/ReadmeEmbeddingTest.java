package org.dedup.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's embedding guide shows the code that {@link HostApplicationTest} runs, character for character. */
class ReadmeEmbeddingTest {
    private static final Path EXAMPLE = Path.of("src/test/java/org/dedup/core/HostApplication.java");

    @Test
    void theReadmeQuotesHostApplicationAsItIs() throws IOException {
        String source = Files.readString(EXAMPLE);
        String afterPackage = source.substring(source.indexOf("\n\n") + 2);
        String readme = Files.readString(Path.of("..", "README.md"));

        assertTrue(readme.contains("```java\n" + afterPackage + "```\n"),
                "README.md's embedding example differs from " + EXAMPLE + ": copy the file below its package line");
    }
}
