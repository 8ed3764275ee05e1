package org.dedup.core;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchersModuleTest {
    private static final Key<List<Matcher>> MATCHERS = Key.get(new TypeLiteral<>() { });

    @Test
    void theMatchersAreCreatedByDiscoveryAndEveryInjectorOnlyGetsThem(@TempDir Path plugins) {
        MatchersModule module = MatchersModule.discover(plugins, Map.of());
        Injector injector = Guice.createInjector(module);
        List<Matcher> first = injector.getInstance(MATCHERS);

        List<Matcher> second = Guice.createInjector(module).getInstance(MATCHERS);

        assertSame(first, second);
        assertTrue(first.stream().anyMatch(m -> m.method().id().equals("email")), first.toString());
        injector.getInstance(MatcherRegistry.class).close();
    }

    @Test
    void aConfiguredMatcherThatIsNotInstalledFailsAtDiscoveryNamingIt(@TempDir Path plugins) {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class,
                () -> MatchersModule.discover(plugins, Map.of("vat_number", Map.of())));

        assertTrue(refused.getMessage().startsWith("matchers.vat_number configures a matcher that is not installed"),
                refused.getMessage());
    }
}
