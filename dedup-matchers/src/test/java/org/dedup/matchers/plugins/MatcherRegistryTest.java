package org.dedup.matchers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.matchers.builtin.TrackingPixelMatcher;
import org.dedup.matchers.spi.MatcherConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherRegistryTest {
    @TempDir
    Path emptyPlugins;

    @Test
    void theBuiltInMatchersAreDiscoveredOnTheClassPath() {
        MatcherRegistry registry = MatcherRegistry.discover(emptyPlugins);
        assertEquals(List.of("email", "phone", "tracking_pixel", "custom_field", "duplicate_rule"), registry.ids());
        assertEquals(List.of(MatchMethod.EMAIL, MatchMethod.PHONE, TrackingPixelMatcher.METHOD, MatchMethod.CUSTOM_FIELD,
                        MatchMethod.DUPLICATE_RULE),
                registry.createMatchers(Map.of()).stream().map(m -> m.method()).toList());
    }

    @Test
    void configurationOfAMatcherThatIsNotInstalledIsRefusedByName() {
        MatcherRegistry registry = MatcherRegistry.discover(emptyPlugins);
        InvalidRecordException error = assertThrows(InvalidRecordException.class,
                () -> registry.createMatchers(Map.of("tax_id", MatcherConfig.empty("tax_id"))));
        assertTrue(error.getMessage().startsWith("matchers.tax_id"), error.getMessage());
    }

    @Test
    void aMissingPluginsDirectoryIsNoError() {
        assertEquals(5, MatcherRegistry.discover(emptyPlugins.resolve("absent")).ids().size());
    }
}
