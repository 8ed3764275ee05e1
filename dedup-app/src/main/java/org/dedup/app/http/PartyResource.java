package org.dedup.app.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dedup.app.http.IncomingLeadRequest.CompanyRequest;
import org.dedup.app.http.IncomingLeadRequest.PhoneRequest;
import org.dedup.domain.audit.AuditLog;
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
 * {@code /v1/contacts} and {@code /v1/companies}: add (a contact through duplicate control), read, update (each
 * answer with the check on save's likely duplicates), and merge N records of one kind.
 */
final class PartyResource {
    private static final Pattern PATH = Pattern.compile("/v1/(contacts|companies)(?:/([^/]+))?");
    private final Parties parties;
    private final DuplicateSearch search;
    private final RecordMerges merges;
    private final Audited audited;

    PartyResource(Parties parties, DuplicateSearch search, RecordMerges merges, Audited audited) {
        this.parties = parties;
        this.search = search;
        this.merges = merges;
        this.audited = audited;
    }

    /** The body of a request, read as {@code type} (400 naming the problem when it cannot be). */
    interface Body {
        <T> T as(Class<T> type) throws IOException;
    }

    record ContactBody(String name, List<PhoneRequest> phones, List<String> emails, Map<String, Object> fields) {
        Contact toContact(ContactId id) {
            return IncomingLeadRequest.contact(id, name, phones, emails, fields);
        }
    }

    static boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    Object route(String method, String path, Audited.Writer writer, Body body) throws IOException {
        TenantId tenant = writer.tenant();
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new HttpProblem(404, "no such endpoint: " + method + " " + path);
        }
        boolean contacts = matcher.group(1).equals("contacts");
        String id = matcher.group(2);
        if (id == null && method.equals("POST")) {
            return contacts ? addContact(tenant, body.as(ContactBody.class).toContact(ContactId.random()))
                    : saved(tenant, addCompany(tenant, body.as(CompanyRequest.class).toCompany(CompanyId.random())));
        }
        if ("merges".equals(id) && method.equals("POST")) {
            MergeRequest request = body.as(MergeRequest.class);
            RecordKind kind = contacts ? RecordKind.CONTACT : RecordKind.COMPANY;
            MergeId merge = audited.write(writer, AuditLog.MERGE, () -> merges.merge(request.toRequest(tenant, kind)),
                    merged -> merged.value().toString());
            return Map.of("merge", merge.value());
        }
        if (id != null && method.equals("GET")) {
            RecordRef ref = ref(contacts, id);
            return (contacts ? parties.contact(tenant, ref) : parties.company(tenant, ref).map(Party.class::cast))
                    .orElseThrow(() -> new RecordNotFoundException(tenant, ref));
        }
        if (id != null && method.equals("PUT")) {
            RecordRef ref = ref(contacts, id);
            Party record = contacts ? body.as(ContactBody.class).toContact(new ContactId(ref.value()))
                    : body.as(CompanyRequest.class).toCompany(new CompanyId(ref.value()));
            parties.update(tenant, record);
            return saved(tenant, record);
        }
        throw new HttpProblem(405, method + " is not allowed on " + path);
    }

    private Map<String, Object> addContact(TenantId tenant, Contact contact) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (parties.addContact(tenant, contact)) {
            case ContactControl.Created created -> {
                view.put("outcome", "created");
                view.put("id", created.contact().value());
                view.put("duplicates", created.duplicates().stream().map(ContactId::value).toList());
            }
            case ContactControl.Merged merged -> {
                view.put("outcome", "merged");
                view.put("id", merged.into().value());
                view.put("merge", merged.merge().value());
            }
        }
        view.put("candidates", candidates(search.checkContact(tenant, contact)));
        return view;
    }

    private Company addCompany(TenantId tenant, Company company) {
        parties.addCompany(tenant, company);
        return company;
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

    private static RecordRef ref(boolean contact, String id) {
        return contact ? ContactId.parse(id) : CompanyId.parse(id);
    }
}
