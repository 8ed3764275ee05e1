package org.dedup.domain.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/** The records of a review item as they were stored when a person last saw them (or now). */
public record ReviewSnapshot(List<Lead> leads, List<Contact> contacts, List<Company> companies) {
    public static final ReviewSnapshot NONE = new ReviewSnapshot(List.of(), List.of(), List.of());

    public ReviewSnapshot {
        leads = Require.copy(leads, "leads");
        contacts = Require.copy(contacts, "contacts");
        companies = Require.copy(companies, "companies");
    }

    /** The first of {@code records} that is not among these. */
    public Optional<RecordRef> missing(List<RecordRef> records) {
        return records.stream().filter(ref -> find(ref).isEmpty()).findFirst();
    }

    /**
     * The first record that differs from how it is in {@code earlier} (a lead by its version, a contact or company
     * by its values); records {@code earlier} does not hold are not compared.
     */
    public Optional<RecordRef> changedSince(ReviewSnapshot earlier) {
        return all().filter(now -> earlier.find(id(now)).map(then -> differs(then, now)).orElse(false))
                .map(ReviewSnapshot::id).findFirst();
    }

    /** The version of a stored lead, as seen. */
    public Optional<Long> versionOf(RecordRef lead) {
        return leads.stream().filter(l -> l.id().equals(lead)).map(Lead::version).findFirst();
    }

    public Optional<Object> find(RecordRef ref) {
        return all().filter(record -> id(record).equals(ref)).findFirst();
    }

    private Stream<Object> all() {
        return Stream.of(leads.stream(), contacts.stream(), companies.stream()).flatMap(s -> s.map(Object.class::cast));
    }

    private static boolean differs(Object then, Object now) {
        if (then instanceof Lead before && now instanceof Lead after) {
            return before.version() != after.version();
        }
        return !Objects.equals(then, now);
    }

    private static RecordRef id(Object record) {
        return switch (record) {
            case Lead lead -> lead.id();
            case Contact contact -> contact.id();
            case Company company -> company.id();
            default -> throw new IllegalArgumentException("not a record: " + record.getClass().getSimpleName());
        };
    }
}
