package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.ConfigLoader;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMerges;
import org.dedup.ml.model.ModelArtifact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dedup train --tenant} learns the tenant's decisions about the kind of record its schema is about, and corrects
 * the shipped model of that kind: the people model by lead and contact merges, the company model by company merges.
 */
class TrainFromTenantDecisionsTest {
    private static final Path FEBRL = Path.of("..", "dedup-ml-matcher", "data", "febrl");
    private static final TenantId ACME = new TenantId("acme");
    @TempDir
    Path dir;
    private Path config;

    /** One merge of three contacts (two duplicate pairs) and one of two companies (one pair). */
    @BeforeEach
    void aTenantThatMergedContactsAndCompanies() throws IOException {
        config = CommandLineTest.embeddedConfig(dir, ACME.value());
        try (DedupApplication app = DedupApplication.start(new ConfigLoader().load(config, Map.of()))) {
            Parties parties = app.get(Parties.class);
            List<RecordRef> contacts = List.of(
                    contact(parties, "Maria Lopez", "maria@lopez.es"),
                    contact(parties, "Maria Lopes", "m.lopes@mail.es"),
                    contact(parties, "María López", "maria.lopez@work.es"));
            parties.contacts().merge(new PartyMerges.Request(ACME, contacts, contacts.getFirst(), Map.of()));
            List<RecordRef> companies = List.of(
                    company(parties, "Acme Corp", "https://acme.example"),
                    company(parties, "ACME Corporation", "acme.example"));
            parties.companies().merge(new PartyMerges.Request(ACME, companies, companies.getFirst(), Map.of()));
        }
    }

    private static RecordRef contact(Parties parties, String name, String email) {
        Contact contact = new Contact(ContactId.random(), name, List.of(), List.of(Email.of(email)), Map.of());
        parties.addContact(ACME, contact);
        return contact.id();
    }

    private static RecordRef company(Parties parties, String name, String website) {
        Company company = new Company(CompanyId.random(), name, website, List.of(), List.of(), Map.of());
        parties.addCompany(ACME, company);
        return company.id();
    }

    private String train(Path model, String... schema) {
        List<String> args = new java.util.ArrayList<>(List.of("--config", config.toString(), "train", "--tenant",
                ACME.value(), "--febrl-dir", FEBRL.toString(), "--out", model.toString()));
        args.addAll(List.of(schema));
        return CommandLineTest.dedup(args.toArray(String[]::new));
    }

    @Test
    void thePeopleSchemaLearnsTheContactMergesAndCorrectsThePeopleModel() {
        Path model = dir.resolve("people.zip");

        String printed = train(model);

        assertTrue(printed.contains("schema people") && printed.contains("corrected by 2 labelled pairs (2 "
                + "duplicates)"), printed);
        assertEquals("people", ModelArtifact.load(model).metadata().recordSchema().name());
    }

    @Test
    void theCompanySchemaLearnsTheCompanyMergesAndCorrectsTheCompanyModel() {
        Path model = dir.resolve("companies.zip");

        String printed = train(model, "--schema", "companies");

        assertTrue(printed.contains("schema companies") && printed.contains("corrected by 1 labelled pairs (1 "
                + "duplicates)"), printed);
        assertEquals("companies", ModelArtifact.load(model).metadata().recordSchema().name());
    }
}
