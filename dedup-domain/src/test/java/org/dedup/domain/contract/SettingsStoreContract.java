package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.CustomFieldType;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Test;

/** What every {@link SettingsStore} adapter does: every option survives a round trip, per tenant. */
public abstract class SettingsStoreContract {

    protected abstract SettingsStore settings();

    private static TenantId aTenant() {
        return new TenantId("settings-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void settingsAreTheDefaultsUntilSaved() {
        assertEquals(DuplicateControlSettings.defaults(), settings().settings(aTenant()));
    }

    @Test
    void storedSettingsAreEmptyUntilSavedThenTheSavedOnes() {
        TenantId tenant = aTenant();
        assertEquals(Optional.empty(), settings().storedSettings(tenant));
        settings().saveRules(tenant, List.of());
        assertEquals(Optional.empty(), settings().storedSettings(tenant), "rules alone are not settings");
        DuplicateControlSettings saved = DuplicateControlSettings.defaults().withMergeLimit(2);
        settings().saveSettings(tenant, saved);
        assertEquals(Optional.of(saved), settings().storedSettings(tenant));
    }

    @Test
    void noRulesUntilTheTenantSavesSome() {
        assertEquals(List.of(), settings().rules(aTenant()));
    }

    @Test
    void everySettingSurvivesARoundTripAndASecondSaveReplacesTheFirst() {
        TenantId tenant = aTenant();
        DuplicateControlSettings changed = DuplicateControlSettings.defaults()
                .withMethods(Set.of(KommoMethods.BIG_DATA, MatchMethod.CUSTOM_FIELD, new MatchMethod("plugin_x")))
                .withMatchedFields(List.of(new CustomFieldDefinition("vat", CustomFieldType.TEXT, FieldLevel.LEAD)))
                .withScope(new SearchScope(Map.of("sales", Set.of("new", "won"), "support", Set.of())))
                .withConflictPolicy(ConflictPolicy.KEEP_EXISTING).withMultiMatchPolicy(MultiMatchPolicy.CREATE_NEW)
                .withMergeLimit(5).withAfterMerge(new AfterMerge.CreateTask("Call", Duration.ofHours(2), "owner"))
                .withStandardization(new StandardizationOptions("GB", EmailFolding.GMAIL_DOTS_AND_PLUS));
        settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMergeLimit(2));
        settings().saveSettings(tenant, changed);
        assertEquals(changed, settings().settings(tenant));
    }

    @Test
    void rulesSurviveARoundTripWithoutTouchingTheSettings() {
        TenantId tenant = aTenant();
        List<DuplicateRule> rules = List.of(
                new DuplicateRule("Same email", Set.of(RecordKind.LEAD, RecordKind.CONTACT),
                        List.of(ProfileField.EMAIL), true, true, false),
                new DuplicateRule("Name and VAT", Set.of(RecordKind.COMPANY),
                        List.of(ProfileField.COMPANY_NAME, ProfileField.custom("vat")), false, false, true));
        DuplicateControlSettings saved = DuplicateControlSettings.defaults().withMergeLimit(4);
        settings().saveSettings(tenant, saved);
        settings().saveRules(tenant, rules);
        assertEquals(rules, settings().rules(tenant));
        assertEquals(saved, settings().settings(tenant));
    }

    @Test
    void oneTenantsSettingsAreNotAnothersDefaults() {
        TenantId tenant = aTenant();
        settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMergeLimit(7));
        assertEquals(DuplicateControlSettings.defaults(), settings().settings(aTenant()));
    }
}
