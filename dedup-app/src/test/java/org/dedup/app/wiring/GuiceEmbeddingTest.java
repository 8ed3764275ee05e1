package org.dedup.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.inject.Guice;
import com.google.inject.Injector;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.SettingsStore;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.dedup.persistence.Database;
import org.junit.jupiter.api.Test;

/** Exactly what the README shows a hosting application doing. */
class GuiceEmbeddingTest {

    @Test
    void aHostingAppGetsDuplicateControlFromTheModules() {
        try (Database database = Database.embedded("jdbc:h2:mem:guice;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")) {
            // --- README: Embedding with Guice ---
            Injector injector = Guice.createInjector(
                    new DedupCoreModule(),
                    new JooqPersistenceModule(database.dataSource()),
                    new StandardizationModule(),
                    new MatchersModule(Path.of("plugins"), Map.of()),
                    BigDataModule.shipped());
            DuplicateControl duplicateControl = injector.getInstance(DuplicateControl.class);
            MatchModel bigData = injector.getInstance(MatchModel.class);
            // --- end ---
            TenantId tenant = new TenantId("host");
            injector.getInstance(SettingsStore.class).saveSettings(tenant,
                    DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));

            Decision first = duplicateControl.receive(lead(tenant, "Ana@Example.com"));
            Decision second = duplicateControl.receive(lead(tenant, "ana@example.com"));

            assertInstanceOf(Decision.Created.class, first);
            assertEquals(List.of(first.lead()), assertInstanceOf(Decision.Merged.class, second).mergedInto());
            PersonRecord ana = new PersonRecord("a", Map.of(Attribute.GIVEN_NAME, "Ana", Attribute.SURNAME, "Silva"),
                    Set.of("ana@example.com"), Set.of());
            PersonRecord anna = new PersonRecord("b", Map.of(Attribute.GIVEN_NAME, "Anna", Attribute.SURNAME, "Silva"),
                    Set.of("ana@example.com"), Set.of());
            assertTrue(bigData.probability(ana, anna) >= bigData.thresholds().merge());
        }
    }

    private static IncomingLead lead(TenantId tenant, String email) {
        Contact contact = new Contact(ContactId.random(), "Ana Silva", List.of(), List.of(Email.of(email)), Map.of());
        return new IncomingLead(tenant, "Web form", PipelineStage.incoming("sales"), SourceChannel.WEB_FORM, Set.of(),
                List.of(new LinkedContact(contact, ContactRole.PRIMARY)), List.of(), Map.of());
    }
}
