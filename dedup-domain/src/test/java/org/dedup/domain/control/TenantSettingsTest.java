package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SettingsSource;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.junit.jupiter.api.Test;

/** A tenant's settings are kept in its store, which a configuration file only seeds, and never name a lost method. */
class TenantSettingsTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final TenantSettings settings = new TenantSettings(fixture.settings, fixture.matchers, fixture.indexing);
    private final DuplicateControlSettings fromFile = DuplicateControlSettings.defaults().withMergeLimit(2);
    private final DuplicateControlSettings saved = DuplicateControlSettings.defaults()
            .withMultiMatchPolicy(MultiMatchPolicy.CREATE_NEW).withMergeLimit(5);

    @Test
    void theFileSeedsATenantWithoutStoredSettings() {
        assertEquals(fromFile, settings.atStart(TENANT, fromFile, SettingsSource.DATABASE));
        assertEquals(Optional.of(fromFile), fixture.settings.storedSettings(TENANT));
    }

    @Test
    void storedSettingsWinOverTheFileAtStart() {
        settings.save(TENANT, saved);
        assertEquals(saved, settings.atStart(TENANT, fromFile, SettingsSource.DATABASE));
        assertEquals(saved, settings.settings(TENANT));
    }

    @Test
    void theFileWinsWhenItsSourceIsFile() {
        settings.save(TENANT, saved);
        assertEquals(fromFile, settings.atStart(TENANT, fromFile, SettingsSource.FILE));
        assertEquals(fromFile, settings.settings(TENANT));
    }

    @Test
    void aMethodWithoutAMatcherIsRefusedWhenSavedNamingItAndNothingIsSaved() {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class, () -> settings.save(TENANT,
                saved.withMethods(Set.of(MatchMethod.EMAIL, new MatchMethod("emial")))));
        assertTrue(refused.getMessage().startsWith("methods [emial] have no matcher installed (installed: ["),
                refused.getMessage());
        assertEquals(Optional.empty(), fixture.settings.storedSettings(TENANT));
    }

    @Test
    void aMethodWithoutAMatcherIsRefusedAtStartInTheFileOrTheStore() {
        assertThrows(InvalidRecordException.class, () -> settings.atStart(TENANT,
                fromFile.withMethods(Set.of(new MatchMethod("tax_id"))), SettingsSource.DATABASE));
        fixture.settings.saveSettings(TENANT, saved.withMethods(Set.of(new MatchMethod("gone_plugin"))));
        InvalidRecordException stored = assertThrows(InvalidRecordException.class,
                () -> settings.atStart(TENANT, fromFile, SettingsSource.DATABASE));
        assertTrue(stored.getMessage().startsWith("stored settings: methods [gone_plugin]"), stored.getMessage());
    }

    @Test
    void anAfterMergeTaskDueMoreThanAYearAfterTheMergeIsRefused() {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class,
                () -> new AfterMerge.CreateTask("Call", Duration.ofMinutes(1_000_000_000_000L), "team"));
        assertTrue(refused.getMessage().contains("between 0 and 365 days"), refused.getMessage());
        new AfterMerge.CreateTask("Call", AfterMerge.CreateTask.MAX_DUE_IN, "team");
    }

    @Test
    void aMergeLimitAboveFiftyIsRefused() {
        assertThrows(InvalidRecordException.class, () -> fromFile.withMergeLimit(51));
        assertEquals(50, fromFile.withMergeLimit(50).mergeLimit());
    }
}
