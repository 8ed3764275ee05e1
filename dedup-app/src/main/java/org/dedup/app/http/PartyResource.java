package org.dedup.app.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.inject.Inject;

import org.dedup.app.http.IncomingLeadRequest.CompanyRequest;
import org.dedup.app.http.IncomingLeadRequest.PhoneRequest;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.ContactControl;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.domain.review.RecordMerges;
import org.dedup.domain.search.DuplicateSearch;

/**
 * {@code /v1/contacts} and {@code /v1/companies}: add (a contact through duplicate control), read (with a strong
 * {@code ETag}, a hash of the record), update ({@code If-Match} optional: another tag is a 412; each answer with the
 * check on save's likely duplicates), and merge N records of one kind.
 */
final class PartyResource implements Resource {
    private final Parties parties;
    private final DuplicateSearch search;
    private final RecordMerges merges;
    private final Audited audited;
    private final ValidEmails emails;
    private final JsonBodies json;

    @Inject
    PartyResource(Parties parties, DuplicateSearch search, RecordMerges merges, Audited audited, ValidEmails emails,
                  JsonBodies json) {
        this.emails = emails;
        this.json = json;
        this.parties = parties;
        this.search = search;
        this.merges = merges;
        this.audited = audited;
    }

    record ContactBody(String name, List<PhoneRequest> phones, List<String> emails, Map<String, Object> fields) {
        Contact toContact(ContactId id) {
            return IncomingLeadRequest.contact(id, name, phones, emails, fields);
        }
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/v1/contacts", this::addContact),
                Route.post("/v1/contacts/merges", call -> merge(call, RecordKind.CONTACT)),
                Route.get("/v1/contacts/{id}", call -> find(call, RecordKind.CONTACT)),
                Route.put("/v1/contacts/{id}", call -> update(call, RecordKind.CONTACT)),
                Route.post("/v1/companies", this::addCompany),
                Route.post("/v1/companies/merges", call -> merge(call, RecordKind.COMPANY)),
                Route.get("/v1/companies/{id}", call -> find(call, RecordKind.COMPANY)),
                Route.put("/v1/companies/{id}", call -> update(call, RecordKind.COMPANY)));
    }

    private Map<String, Object> merge(Call call, RecordKind kind) throws IOException {
        Audited.Writer writer = call.writer();
        MergeRequest request = call.body(MergeRequest.class);
        MergeId merge = audited.write(writer, AuditAction.MERGE,
                () -> merges.merge(request.toRequest(writer.tenant(), kind)),
                merged -> merged.merge().value().toString()).merge();
        return Map.of("merge", merge.value());
    }

    private Tagged find(Call call, RecordKind kind) {
        TenantId tenant = call.tenant();
        RecordRef ref = ref(kind, call.path("id"));
        Party record = (kind == RecordKind.CONTACT ? parties.contact(tenant, ref)
                : parties.company(tenant, ref).map(Party.class::cast))
                .orElseThrow(() -> new RecordNotFoundException(tenant, ref));
        return new Tagged(record, json.tag(record));
    }

    /** {@code If-Match} (optional) names the entity tag GET sent: another is a 412, nothing written. */
    private Tagged update(Call call, RecordKind kind) throws IOException {
        Audited.Writer writer = call.writer();
        TenantId tenant = writer.tenant();
        RecordRef ref = ref(kind, call.path("id"));
        Party record = emails.of(kind == RecordKind.CONTACT
                ? call.body(ContactBody.class).toContact(new ContactId(ref.value()))
                : call.body(CompanyRequest.class).toCompany(new CompanyId(ref.value())));
        Optional<String> expected = call.header("If-Match").map(EntityTags::opaque);
        AuditAction action = kind == RecordKind.CONTACT ? AuditAction.CONTACT_UPDATE : AuditAction.COMPANY_UPDATE;
        audited.write(writer, action, () -> updated(tenant, record, expected), updated -> ref.value().toString());
        return new Tagged(saved(tenant, record), json.tag(record));
    }

    private Party updated(TenantId tenant, Party record, Optional<String> expected) {
        parties.update(tenant, record, stored -> expected.map(tag -> tag.equals(json.tag(stored))).orElse(true));
        return record;
    }

    /** A contact through duplicate control: the contact it became (itself, or the stored one it was merged into). */
    private Map<String, Object> addContact(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        TenantId tenant = writer.tenant();
        Contact contact = emails.of(call.body(ContactBody.class).toContact(ContactId.random()));
        ContactControl.Added added = audited.write(writer, AuditAction.CONTACT_ADD,
                () -> parties.addContact(tenant, contact), stored -> stored.contact().value().toString());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("outcome", added instanceof ContactControl.Merged ? "merged" : "created");
        view.put("id", added.contact().value());
        switch (added) {
            case ContactControl.Created created -> view.put("duplicates", created.duplicates().stream()
                    .map(ContactId::value).toList());
            case ContactControl.Merged merged -> view.put("merge", merged.merge().value());
        }
        view.put("candidates", candidates(search.checkContact(tenant, contact)));
        return view;
    }

    private Map<String, Object> addCompany(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        Company company = emails.of(call.body(CompanyRequest.class).toCompany(CompanyId.random()));
        audited.write(writer, AuditAction.COMPANY_ADD, () -> {
            parties.addCompany(writer.tenant(), company);
            return company;
        }, added -> added.id().value().toString());
        return saved(writer.tenant(), company);
    }

    private Map<String, Object> saved(TenantId tenant, Party record) {
        List<MatchCandidate> likely = switch (record) {
            case Contact contact -> search.checkContact(tenant, contact);
            case Company company -> search.checkCompany(tenant, company);
        };
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id().value());
        view.put("record", record);
        view.put("candidates", candidates(likely));
        return view;
    }

    /** The answer to the undo of a contact or company merge. */
    static Map<String, Object> undone(PartyMergeEntry<?> entry) {
        return Map.of("merge", entry.id().value(), "state", entry.state().name().toLowerCase(Locale.ROOT),
                "kind", entry.kind().name().toLowerCase(Locale.ROOT), "restored", entry.after().id().value());
    }

    /** A likely duplicate found by the check on save: a lead, contact or company, and the rule that matched. */
    record Likely(String kind, UUID id, DecisionView.CandidateView match) {
    }

    private static List<Likely> candidates(List<MatchCandidate> likely) {
        return likely.stream().map(c -> new Likely(c.record().kind().name().toLowerCase(Locale.ROOT),
                c.record().value(), DecisionView.candidate(c))).toList();
    }

    private static RecordRef ref(RecordKind kind, String id) {
        return kind == RecordKind.CONTACT ? ContactId.parse(id) : CompanyId.parse(id);
    }
}
