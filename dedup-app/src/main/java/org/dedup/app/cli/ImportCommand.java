package org.dedup.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;

import org.dedup.app.http.IncomingLeadRequest;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.search.DuplicateSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Imports leads (through duplicate control, source "import" unless given) from a JSON array in the shape of
 * POST /v1/leads, contacts from a CSV with the header {@code name,email,phone}, or companies from a CSV with the
 * header {@code name,website,email,phone}. Bad rows are reported with their number and skipped; good rows are kept.
 */
@Command(name = "import", description = "Import leads (JSON array), contacts (CSV name,email,phone) or companies "
        + "(CSV name,website,email,phone).")
final class ImportCommand implements OnApplication {
    private static final ObjectMapper LEADS = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Mixin
    TenantOption tenant;

    @Mixin
    ActorOption actor;

    @Option(names = "--leads", description = "JSON array of leads")
    Path leads;

    @Option(names = "--contacts", description = "CSV of contacts: name,email,phone")
    Path contacts;

    @Option(names = "--companies", description = "CSV of companies: name,website,email,phone")
    Path companies;

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    record Run(ImportCommand options, DuplicateControl control, DuplicateSearch search, Audited audited)
            implements Callable<Integer> {
        @Inject
        Run {
        }

        @Override
        public Integer call() throws IOException {
            if (Stream.of(options.leads, options.contacts, options.companies).filter(Objects::nonNull).count() != 1) {
                throw new InvalidRecordException("give exactly one of --leads FILE.json, --contacts FILE.csv or "
                        + "--companies FILE.csv");
            }
            Audited.Writer writer = options.actor.writer(options.tenant.id());
            if (options.leads != null) {
                return importLeads(control, writer, options.leads, System.err);
            }
            return options.contacts != null ? importContacts(search, audited, writer, options.contacts, System.err)
                    : importCompanies(search, audited, writer, options.companies, System.err);
        }
    }

    /**
     * Leads of a JSON array, each through duplicate control, its decision logged with who imports it. A row that is
     * not a valid lead is reported by its number and skipped; a file that is not a JSON array (malformed, truncated,
     * nested too deep) is refused with the line and column, before any row is imported.
     */
    static int importLeads(DuplicateControl control, Audited.Writer writer, Path file, PrintStream errors)
            throws IOException {
        List<JsonNode> rows = leadRows(file);
        Map<String, Integer> outcomes = new TreeMap<>();
        Progress progress = new Progress("leads", rows.size(), errors);
        for (int i = 0; i < rows.size(); i++) {
            try {
                IncomingLeadRequest row = LEADS.treeToValue(rows.get(i), IncomingLeadRequest.class);
                if (row == null) {
                    throw new InvalidRecordException("is null, a lead object is expected");
                }
                row = row.source() == null ? row.withSource("import") : row;
                Decision decision = control.receive(new LeadArrival(row.toIncomingLead(writer.tenant()),
                        Optional.empty()).by(writer.actor()));
                outcomes.merge(decision.getClass().getSimpleName(), 1, Integer::sum);
            } catch (JsonProcessingException | InvalidRecordException e) {
                errors.println("lead " + (i + 1) + " skipped: " + reason(e));
                outcomes.merge("skipped", 1, Integer::sum);
            }
            progress.step();
        }
        System.out.println("imported leads: " + outcomes);
        return outcomes.containsKey("skipped") ? 1 : 0;
    }

    private static List<JsonNode> leadRows(Path file) throws IOException {
        JsonNode root;
        try {
            root = LEADS.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(file + " is not valid JSON, nothing imported: " + reason(e));
        }
        if (root == null || !root.isArray()) {
            throw new InvalidRecordException(file + " must hold a JSON array of leads, nothing imported");
        }
        List<JsonNode> rows = new ArrayList<>();
        root.forEach(rows::add);
        return rows;
    }

    /**
     * Contacts of a CSV file with the header {@code name,email,phone}, indexed for duplicate search, each with who
     * imports it in the audit.
     */
    static int importContacts(DuplicateSearch search, Audited audited, Audited.Writer writer, Path file,
                              PrintStream errors) throws IOException {
        return importCsv(file, "name,email,phone", "contacts", errors, cells -> saved(audited, writer,
                AuditAction.CONTACT_ADD, new Contact(ContactId.random(), cells[0], phones(cells[2]), emails(cells[1]),
                        Map.of()), contact -> search.saveContact(writer.tenant(), contact)));
    }

    /**
     * Companies of a CSV file with the header {@code name,website,email,phone}, indexed for duplicate search, each
     * with who imports it in the audit.
     */
    static int importCompanies(DuplicateSearch search, Audited audited, Audited.Writer writer, Path file,
                               PrintStream errors) throws IOException {
        return importCsv(file, "name,website,email,phone", "companies", errors, cells -> saved(audited, writer,
                AuditAction.COMPANY_ADD, new Company(CompanyId.random(), cells[0], cells[1], phones(cells[3]),
                        emails(cells[2]), Map.of()), company -> search.saveCompany(writer.tenant(), company)));
    }

    /** Saves {@code record} and who imports it, in one transaction. */
    private static <P extends Party> void saved(Audited audited, Audited.Writer writer, AuditAction action, P record,
                                                Consumer<P> save) {
        audited.write(writer, action, () -> {
            save.accept(record);
            return record;
        }, stored -> stored.id().value().toString());
    }

    private static int importCsv(Path file, String header, String what, PrintStream errors, Consumer<String[]> save)
            throws IOException {
        CsvRows.Counts counts = new CsvRows(file, header, errors).read(save);
        System.out.printf("imported %s: %d, skipped %d%n", what, counts.saved(), counts.skipped());
        return counts.skipped() == 0 ? 0 : 1;
    }

    private static List<Phone> phones(String cell) {
        return cell.isEmpty() ? List.of() : List.of(Phone.of(PhoneType.OTHER, cell));
    }

    private static List<Email> emails(String cell) {
        return cell.isEmpty() ? List.of() : List.of(Email.of(cell));
    }

    /** Jackson's message without the source excerpt it appends (which may be huge or binary). */
    private static String reason(Exception e) {
        if (e instanceof JsonProcessingException json) {
            var at = json.getLocation();
            return json.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")");
        }
        return e.getMessage();
    }

    /** A one-line progress bar on standard error. */
    private static final class Progress {
        private final String what;
        private final int total;
        private final PrintStream out;
        private int done;

        Progress(String what, int total, PrintStream out) {
            this.what = what;
            this.total = Math.max(total, 1);
            this.out = out;
        }

        void step() {
            done++;
            if (done == total || done % 100 == 0) {
                int width = 30;
                int filled = (int) ((long) done * width / total);
                out.printf("\r%s [%s%s] %d/%d", what, "#".repeat(filled), " ".repeat(width - filled), done, total);
                if (done == total) {
                    out.println();
                }
            }
        }
    }
}
