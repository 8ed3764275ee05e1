package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Inject;

import org.dedup.app.http.DecisionView;
import org.dedup.app.http.IncomingLeadRequest;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.search.DuplicateSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Check on save of one lead (the JSON of POST /v1/leads) without storing it. */
@Command(name = "check", description = "Likely duplicates of one lead, given as JSON, without saving it.")
final class CheckCommand implements OnApplication {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    TenantOption tenant;

    @Option(names = "--file", required = true, description = "the lead as JSON (same shape as POST /v1/leads)")
    Path file;

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    record Run(CheckCommand options, DuplicateSearch search) implements Callable<Integer> {
        @Inject
        Run {
        }

        @Override
        public Integer call() throws IOException {
            IncomingLeadRequest request = JSON.readValue(options.file.toFile(), IncomingLeadRequest.class);
            var lead = request.toIncomingLead(options.tenant.id()).toLead(LeadId.random(), Instant.now());
            System.out.println(JSON.writeValueAsString(search.checkLead(lead).stream().map(DecisionView::candidate)
                    .toList()));
            return 0;
        }
    }
}
