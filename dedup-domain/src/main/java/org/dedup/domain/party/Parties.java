package org.dedup.domain.party;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.Transactor;
import org.dedup.domain.store.VersionMismatchException;

/**
 * Stand-alone contacts and companies as the API offers them: added (contacts through duplicate control), read,
 * updated, merged and unmerged.
 */
public record Parties(PartyMerges<Contact> contacts, PartyMerges<Company> companies, ContactControl contactControl,
                      Transactor transactor, KeyLocks keyLocks) {

    public ContactControl.Added addContact(TenantId tenant, Contact contact) {
        return contactControl.add(tenant, contact);
    }

    public void addCompany(TenantId tenant, Company company) {
        companies.admit(company);
        companies.kind().save(tenant, company);
    }

    public Optional<Contact> contact(TenantId tenant, RecordRef id) {
        return find(contacts, tenant, id);
    }

    public Optional<Company> company(TenantId tenant, RecordRef id) {
        return find(companies, tenant, id);
    }

    /** Replaces the stored values of an existing record; one that does not exist is not created. */
    public <P extends Party> void update(TenantId tenant, P record) {
        update(tenant, record, stored -> true);
    }

    /**
     * As {@link #update(TenantId, Party)}, only when the stored record is still the one the writer read:
     * {@code read} tells (an adapter compares entity tags), under the record's lock.
     *
     * @throws VersionMismatchException when it is not
     */
    public <P extends Party> void update(TenantId tenant, P record, Predicate<? super P> read) {
        PartyMerges<P> merges = merges(record);
        merges.admit(record);
        transactor.inTransaction(() -> {
            keyLocks.lock(tenant, List.of(new MatchKey(merges.kind().kind().name().toLowerCase(java.util.Locale.ROOT),
                    record.id().value().toString())));
            P stored = find(merges, tenant, record.id())
                    .orElseThrow(() -> new RecordNotFoundException(tenant, record.id()));
            if (!read.test(stored)) {
                throw new VersionMismatchException(tenant, record.id());
            }
            merges.kind().save(tenant, record);
            return null;
        });
    }

    /** Undoes the contact or company merge {@code id}; empty when the tenant has no such merge of either. */
    public Optional<PartyMergeEntry<?>> unmerge(TenantId tenant, MergeId id, AfterUnmerge remembered) {
        for (PartyMerges<?> merges : List.of(contacts, companies)) {
            if (merges.has(tenant, id)) {
                return Optional.of(merges.unmerge(tenant, id, remembered));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private <P extends Party> PartyMerges<P> merges(P record) {
        return (PartyMerges<P>) (record instanceof Contact ? contacts : companies);
    }

    private static <P extends Party> Optional<P> find(PartyMerges<P> merges, TenantId tenant, RecordRef id) {
        if (id.kind() != merges.kind().kind()) {
            return Optional.empty();
        }
        return merges.kind().findAll(tenant, List.of(id)).stream().findFirst();
    }
}
