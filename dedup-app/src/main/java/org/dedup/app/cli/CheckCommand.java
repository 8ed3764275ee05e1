package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.dedup.app.DedupApplication;
import org.dedup.app.http.DecisionView;
import org.dedup.app.http.IncomingLeadRequest;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Check on save of one lead (the JSON of POST /v1/leads) without storing it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Likely duplicates of one lead, given as JSON, without saving it.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--file", required = true, description = "the lead as JSON (same shape as POST /v1/leads)")
    Path file;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
        IncomingLeadRequest request = json.readValue(file.toFile(), IncomingLeadRequest.class);
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            var lead = request.toIncomingLead(new TenantId(tenant)).toLead(LeadId.random(), Instant.now());
            var candidates = app.get(DuplicateSearch.class).checkLead(lead).stream().map(DecisionView::candidate)
                    .toList();
            System.out.println(json.writeValueAsString(candidates));
        }
        return 0;
    }
}
