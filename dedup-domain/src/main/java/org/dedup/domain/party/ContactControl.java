package org.dedup.domain.party;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.SearchKeys;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.ContactRepository;

/**
 * Duplicate control when a contact is added (the Kommo "Add field" method): with {@code custom_field} enabled, a new
 * contact sharing the value of a chosen contact-level field with a stored contact is merged into it under the
 * conflict policy, "only if the duplicated contact is added as a primary contact of the lead": a stored contact that
 * is no lead's primary contact is reported, not merged. A wrong merge costs more than a missed one, so a new contact
 * duplicating more than one such contact is created and reported too. The merge is journaled and can be undone.
 */
public final class ContactControl {
    private static final int CANDIDATE_LIMIT = 200;
    private static final int LINKING_LEADS_READ = 1_000;
    private final ContactRepository contacts;
    private final PartyMerges<Contact> merges;
    private final DuplicateControlPorts ports;
    private final RecordStandardizer standardizer;
    private final ConflictMerge conflictMerge;

    public ContactControl(ContactRepository contacts, PartyMerges<Contact> merges, DuplicateControlPorts ports,
                          RecordStandardizer standardizer) {
        this.contacts = contacts;
        this.merges = merges;
        this.ports = ports;
        this.standardizer = standardizer;
        this.conflictMerge = new ConflictMerge(standardizer);
    }

    /** What became of an added contact. */
    public sealed interface Added permits Created, Merged {
        /** The stored contact it became: itself when created, the one it was merged into otherwise. */
        ContactId contact();
    }

    /** Stored as a new contact; {@code duplicates} share a chosen field but were not merged into. */
    public record Created(ContactId contact, List<ContactId> duplicates) implements Added {
        public Created {
            duplicates = List.copyOf(duplicates);
        }
    }

    /** Merged into the stored contact {@code into} by the journaled merge {@code merge}. */
    public record Merged(ContactId into, MergeId merge) implements Added {
        @Override
        public ContactId contact() {
            return into;
        }
    }

    public Added add(TenantId tenant, Contact contact) {
        merges.admit(contact);
        return ports.transactor().inTransaction(() -> {
            DuplicateControlSettings settings = ports.settings().settings(tenant);
            StandardizationOptions options = settings.standardization();
            Set<MatchKey> keys = SearchKeys.of(standardizer.contact(contact, options), matchedFields(settings));
            if (keys.isEmpty()) {
                merges.kind().save(tenant, contact);
                return new Created(contact.id(), List.of());
            }
            ports.keyLocks().lock(tenant, List.copyOf(keys));
            List<Contact> duplicates = contacts.findAll(tenant, contacts.findByKeys(tenant, keys, CANDIDATE_LIMIT))
                    .stream().filter(c -> !c.id().equals(contact.id())).toList();
            List<Contact> primaries = duplicates.stream().filter(c -> isPrimaryContactOfALead(tenant, c)).toList();
            if (primaries.size() != 1) {
                merges.kind().save(tenant, contact);
                return new Created(contact.id(), duplicates.stream().map(Contact::id).toList());
            }
            Contact stored = primaries.getFirst();
            List<FieldProvenance> provenance = new ArrayList<>();
            Contact after = conflictMerge.absorbContact(stored, contact, settings.conflictPolicy(), options,
                    contact.id(), provenance);
            return new Merged(stored.id(), merges.absorbIncoming(tenant, stored, after, contact, provenance));
        });
    }

    private static List<ProfileField> matchedFields(DuplicateControlSettings settings) {
        if (!settings.enabled(MatchMethod.CUSTOM_FIELD)) {
            return List.of();
        }
        return settings.matchedFields().stream().filter(f -> f.level() == FieldLevel.CONTACT)
                .map(f -> ProfileField.custom(f.key())).toList();
    }

    private boolean isPrimaryContactOfALead(TenantId tenant, Contact contact) {
        List<Lead> linking = ports.leads().findAll(tenant,
                ports.leads().linking(tenant, List.of(contact.id()), LINKING_LEADS_READ));
        return linking.stream().flatMap(l -> l.contacts().stream())
                .anyMatch(link -> link.isPrimary() && link.contact().id().equals(contact.id()));
    }
}
