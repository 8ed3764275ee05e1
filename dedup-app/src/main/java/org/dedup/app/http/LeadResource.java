package org.dedup.app.http;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;

import org.dedup.core.arrivals.ArrivalQueue;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.LeadUpdate;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.LeadRepository;

/**
 * {@code /v1/leads}: an incoming lead through duplicate control (its decision, logged with who sent it), a stored
 * lead (with its version as a strong {@code ETag}), a lead update ({@code If-Match: <version>} optional; another version
 * is a 412; its decision logged with who sent it), and
 * {@code /v1/check}, the check on save of a lead not yet saved.
 */
final class LeadResource implements Resource {
    private final ArrivalQueue arrivals;
    private final DuplicateControl control;
    private final DuplicateSearch search;
    private final LeadRepository leads;
    private final ValidEmails emails;
    private final ApiMetrics metrics;

    @Inject
    LeadResource(ArrivalQueue arrivals, DuplicateControl control, DuplicateSearch search, LeadRepository leads,
                 ValidEmails emails, ApiMetrics metrics) {
        this.emails = emails;
        this.arrivals = arrivals;
        this.control = control;
        this.search = search;
        this.leads = leads;
        this.metrics = metrics;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/v1/leads", this::receive), Route.get("/v1/leads/{id}", this::find),
                Route.put("/v1/leads/{id}", this::update), Route.post("/v1/check", this::check));
    }

    private DecisionView receive(Call call) throws IOException {
        TenantId tenant = call.tenant();
        // read once: the fingerprint is taken of the same tree the request is read from
        JsonNode body = call.tree(call.bytes());
        IncomingLeadRequest request = call.parse(body, IncomingLeadRequest.class);
        Optional<IdempotencyKey> key = call.header("Idempotency-Key").map(IdempotencyKey::new);
        Optional<RequestFingerprint> fingerprint = key.isPresent() ? Optional.of(RequestFingerprints.of(body))
                : Optional.empty();
        return decided(arrivals.receive(new LeadArrival(emails.of(request.toIncomingLead(tenant)), key, fingerprint)
                .by(call.writer().actor())));
    }

    private Tagged find(Call call) {
        TenantId tenant = call.tenant();
        LeadId id = LeadId.parse(call.path("id"));
        Lead lead = leads.find(tenant, id).orElseThrow(() -> new RecordNotFoundException(tenant, id));
        return new Tagged(lead, lead.version());
    }

    private DecisionView update(Call call) throws IOException {
        TenantId tenant = call.tenant();
        LeadId id = LeadId.parse(call.path("id"));
        var values = emails.of(call.body(IncomingLeadRequest.class).toIncomingLead(tenant));
        LeadUpdate update = LeadUpdate.of(id, values).by(call.writer().actor());
        return decided(control.update(call.header("If-Match").map(EntityTags::version).map(update::ifAt)
                .orElse(update)));
    }

    private Map<String, Object> check(Call call) throws IOException {
        TenantId tenant = call.tenant();
        Lead lead = emails.of(call.body(IncomingLeadRequest.class).toIncomingLead(tenant))
                .toLead(LeadId.random(), Instant.now());
        return Map.of("candidates", search.checkLead(lead).stream().map(DecisionView::candidate).toList());
    }

    private DecisionView decided(Decision decision) {
        DecisionView view = DecisionView.of(decision);
        metrics.decided(view.outcome());
        return view;
    }
}
