package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.merge.SurvivorshipRule;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.domain.party.PartyMergeJournal;
import org.junit.jupiter.api.Test;

/** What every {@link PartyMergeJournal} adapter does: entries keep their images whole and stay in their tenant and kind. */
public abstract class PartyMergeJournalContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract PartyMergeJournal journal();

    private static PartyMergeEntry<Contact> aContactMerge(TenantId tenant) {
        Contact survivor = aContact("Jane Doe", "jane@x.io", "+1 212 555 0100")
                .withCustomFields(Map.of("score", new CustomFieldValue.Numeric(new BigDecimal("12.50"))));
        Contact absorbed = aContact("J. Doe", "jd@x.io", null);
        Contact after = survivor.withEmails(List.of(survivor.emails().getFirst(), absorbed.emails().getFirst()));
        Lead leadBefore = aLead().in(tenant).withSecondaryContact(absorbed).build();
        return new PartyMergeEntry<>(MergeId.random(), tenant, T0, RecordKind.CONTACT, List.of(survivor, absorbed),
                after, List.of(aContact("Incoming", "in@x.io", null)), List.of(leadBefore),
                List.of(leadBefore.touched(T0)),
                List.of(new FieldProvenance("emails", "[jd@x.io]", absorbed.id(), SurvivorshipRule.UNION)),
                MergeState.APPLIED);
    }

    private static PartyMergeEntry<Company> aCompanyMerge(TenantId tenant) {
        Company survivor = new Company(CompanyId.random(), "Acme", "acme.com", List.of(), List.of(), Map.of());
        Company absorbed = new Company(CompanyId.random(), "ACME Ltd", "", List.of(), List.of(), Map.of());
        return new PartyMergeEntry<>(MergeId.random(), tenant, T0, RecordKind.COMPANY, List.of(survivor, absorbed),
                survivor, List.of(), List.of(), List.of(), List.of(), MergeState.APPLIED);
    }

    @Test
    void aContactMergeKeepsEveryImage() {
        PartyMergeEntry<Contact> entry = aContactMerge(TENANT);
        journal().append(entry);
        assertEquals(entry, journal().find(TENANT, entry.id(), Contact.class).orElseThrow());
    }

    @Test
    void aCompanyMergeKeepsEveryImage() {
        PartyMergeEntry<Company> entry = aCompanyMerge(TENANT);
        journal().append(entry);
        assertEquals(entry, journal().find(TENANT, entry.id(), Company.class).orElseThrow());
    }

    @Test
    void aMergeIsNotFoundAsAnotherKind() {
        PartyMergeEntry<Company> entry = aCompanyMerge(TENANT);
        journal().append(entry);
        assertTrue(journal().find(TENANT, entry.id(), Contact.class).isEmpty());
    }

    @Test
    void anotherTenantNeverSeesOrUndoesTheEntry() {
        PartyMergeEntry<Contact> entry = aContactMerge(TENANT);
        journal().append(entry);
        journal().markUndone(OTHER, entry.id());
        assertTrue(journal().find(OTHER, entry.id(), Contact.class).isEmpty());
        assertEquals(MergeState.APPLIED, journal().find(TENANT, entry.id(), Contact.class).orElseThrow().state());
    }

    @Test
    void markingUndoneChangesTheStateOnly() {
        PartyMergeEntry<Contact> entry = aContactMerge(TENANT);
        journal().append(entry);
        journal().markUndone(TENANT, entry.id());
        assertEquals(entry.undone(), journal().find(TENANT, entry.id(), Contact.class).orElseThrow());
    }
}
