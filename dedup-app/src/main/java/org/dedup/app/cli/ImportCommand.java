package org.dedup.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.DedupApplication;
import org.dedup.app.http.IncomingLeadRequest;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Imports leads (through duplicate control, source "import" unless given) from a JSON array in the shape of
 * POST /v1/leads, or contacts from a CSV with the header {@code name,email,phone}. Bad rows are reported with
 * their number and skipped; good rows are kept.
 */
@Command(name = "import", description = "Import leads (JSON array) or contacts (CSV name,email,phone).")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--leads", description = "JSON array of leads")
    Path leads;

    @Option(names = "--contacts", description = "CSV of contacts: name,email,phone")
    Path contacts;

    @Override
    public Integer call() throws IOException {
        if ((leads == null) == (contacts == null)) {
            throw new InvalidRecordException("give exactly one of --leads FILE.json or --contacts FILE.csv");
        }
        TenantId tenantId = new TenantId(tenant);
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            return leads != null ? importLeads(app.get(DuplicateControl.class), tenantId)
                    : importContacts(app.get(DuplicateSearch.class), tenantId);
        }
    }

    private int importLeads(DuplicateControl control, TenantId tenantId) throws IOException {
        IncomingLeadRequest[] rows = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(leads.toFile(), IncomingLeadRequest[].class);
        Map<String, Integer> outcomes = new TreeMap<>();
        Progress progress = new Progress("leads", rows.length);
        for (int i = 0; i < rows.length; i++) {
            IncomingLeadRequest row = rows[i].source() == null ? rows[i].withSource("import") : rows[i];
            try {
                Decision decision = control.receive(row.toIncomingLead(tenantId));
                outcomes.merge(decision.getClass().getSimpleName(), 1, Integer::sum);
            } catch (InvalidRecordException e) {
                System.err.println("lead " + (i + 1) + " skipped: " + e.getMessage());
                outcomes.merge("skipped", 1, Integer::sum);
            }
            progress.step();
        }
        System.out.println("imported leads: " + outcomes);
        return outcomes.containsKey("skipped") ? 1 : 0;
    }

    private int importContacts(DuplicateSearch search, TenantId tenantId) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(contacts, StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        if (lines.isEmpty() || !lines.getFirst().trim().equalsIgnoreCase("name,email,phone")) {
            throw new InvalidRecordException(contacts + " must start with the header name,email,phone");
        }
        int skipped = 0;
        Progress progress = new Progress("contacts", lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            try {
                if (cells.length != 3) {
                    throw new InvalidRecordException("has " + cells.length + " columns, 3 expected");
                }
                search.saveContact(tenantId, new Contact(ContactId.random(), cells[0].trim(),
                        cells[2].isBlank() ? List.of() : List.of(Phone.of(PhoneType.OTHER, cells[2].trim())),
                        cells[1].isBlank() ? List.of() : List.of(Email.of(cells[1].trim())), Map.of()));
            } catch (InvalidRecordException e) {
                System.err.println("line " + (i + 1) + " skipped: " + e.getMessage());
                skipped++;
            }
            progress.step();
        }
        System.out.printf("imported contacts: %d, skipped %d%n", lines.size() - 1 - skipped, skipped);
        return skipped == 0 ? 0 : 1;
    }

    /** A one-line progress bar on standard error. */
    private static final class Progress {
        private final String what;
        private final int total;
        private int done;

        Progress(String what, int total) {
            this.what = what;
            this.total = Math.max(total, 1);
        }

        void step() {
            done++;
            if (done == total || done % 100 == 0) {
                int width = 30;
                int filled = (int) ((long) done * width / total);
                System.err.printf("\r%s [%s%s] %d/%d", what, "#".repeat(filled), " ".repeat(width - filled), done, total);
                if (done == total) {
                    System.err.println();
                }
            }
        }
    }
}
