package org.dedup.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.testing.InMemorySettingsStore;
import org.junit.jupiter.api.Test;

class MirroringSettingsStoreTest {
    private static final TenantId REHEARSAL = new TenantId("rehearsal");
    private static final TenantId SERVED = new TenantId("served");
    private static final TenantId OTHER = new TenantId("other");
    private static final DuplicateControlSettings SERVED_SETTINGS = DuplicateControlSettings.defaults()
            .withMethods(Set.of(MatchMethod.EMAIL)).withMultiMatchPolicy(MultiMatchPolicy.UPDATE_ALL)
            .withStandardization(new StandardizationOptions("GB", EmailFolding.NONE));
    private final InMemorySettingsStore stored = new InMemorySettingsStore();
    private final MirroringSettingsStore store = new MirroringSettingsStore(REHEARSAL, stored);

    MirroringSettingsStoreTest() {
        stored.saveSettings(SERVED, SERVED_SETTINGS);
        stored.saveRules(SERVED, List.of(PreconfiguredRules.all().getFirst()));
    }

    @Test
    void theRehearsalTenantReadsTheSettingsAndRulesOfTheTenantItMirrors() {
        store.mirror(SERVED);

        assertEquals(SERVED_SETTINGS, store.settings(REHEARSAL));
        assertEquals(Optional.of(SERVED_SETTINGS), store.storedSettings(REHEARSAL));
        assertEquals(List.of(PreconfiguredRules.all().getFirst()), store.rules(REHEARSAL));
    }

    @Test
    void everyOtherTenantReadsItsOwnWhileTheRehearsalMirrors() {
        store.mirror(SERVED);

        assertEquals(DuplicateControlSettings.defaults(), store.settings(OTHER));
        assertEquals(List.of(), store.rules(OTHER));
        assertEquals(SERVED_SETTINGS, store.settings(SERVED));
    }

    @Test
    void theRehearsalTenantReadsItsOwnOnceTheMirrorStops() {
        store.mirror(SERVED);
        store.stopMirroring();

        assertEquals(DuplicateControlSettings.defaults(), store.settings(REHEARSAL));
        assertEquals(Optional.empty(), store.storedSettings(REHEARSAL));
        assertEquals(List.of(), store.rules(REHEARSAL));
    }

    @Test
    void theRehearsalTenantCannotMirrorItself() {
        assertThrows(IllegalArgumentException.class, () -> store.mirror(REHEARSAL));
    }
}
