package org.dedup.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.bench.NamedArgs;

/**
 * Checks a run's acknowledged decisions against the database after the run (and after any fault during it):
 * <ul>
 *   <li>every acknowledged request has its decision in {@code decision_log}, on the same lead;</li>
 *   <li>the tenant holds exactly the leads it held before plus those the run's logged decisions created, each of
 *       them present, and every lead a request was merged into;</li>
 *   <li>every merge journal entry written since the run started belongs to a logged decision and every merge a decision names is
 *       journaled; each survivor exists at its after-image version or later, with its contacts and keys, so no
 *       merge is half done.</li>
 * </ul>
 */
final class LoadVerification {
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> CREATING = Set.of("Created", "PendingReview", "SkippedTooManyMatches");
    private static final String TENANT = LoadPeople.TENANT.value();
    private final NamedArgs args;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> problems = new ArrayList<>();

    private record Ack(String outcome, UUID lead, List<UUID> mergedInto, List<UUID> merges) {
    }

    private record Logged(String kind, UUID lead, String document) {
    }

    LoadVerification(NamedArgs args) {
        this.args = args;
    }

    boolean run() throws IOException, SQLException {
        Path file = Path.of(args.text("acks", "acks.csv"));
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.getFirst().split(" ");
        String runTag = header[2];
        java.time.Instant started = java.time.Instant.parse(header[4]);
        long leadsBefore = Long.parseLong(header[6]);
        Map<String, Ack> acks = new HashMap<>();
        lines.stream().skip(1).map(line -> line.split(",", -1)).forEach(cells -> acks.put(cells[0],
                new Ack(cells[1], UUID.fromString(cells[2]), uuids(cells[3]), uuids(cells[4]))));
        try (Connection db = LoadHarness.database(args)) {
            Map<String, Logged> logged = logged(db, runTag);
            checkAcknowledged(acks, logged);
            checkLeads(db, leadsBefore, logged);
            checkJournal(db, logged, acks, started);
        }
        System.out.printf(Locale.ROOT, "VERIFY run %s: %,d acknowledged, %s%n", runTag, acks.size(),
                problems.isEmpty() ? "every check held" : problems.size() + " problem(s)");
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        return problems.isEmpty();
    }

    private Map<String, Logged> logged(Connection db, String runTag) throws SQLException {
        Map<String, Logged> logged = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("select idempotency_key, kind, lead_id, document "
                + "from decision_log where tenant_id = ? and idempotency_key like ?")) {
            query.setString(1, TENANT);
            query.setString(2, runTag + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    logged.put(rows.getString(1), new Logged(rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getString(4)));
                }
            }
        }
        return logged;
    }

    private void checkAcknowledged(Map<String, Ack> acks, Map<String, Logged> logged) {
        acks.forEach((key, ack) -> {
            Logged decision = logged.get(key);
            if (decision == null) {
                problems.add("acknowledged " + key + " (" + ack.outcome() + " " + ack.lead() + ") has no logged decision");
            } else if (!decision.lead().equals(ack.lead())) {
                problems.add("acknowledged " + key + " on lead " + ack.lead() + " but logged on " + decision.lead());
            }
        });
        long unacknowledged = logged.keySet().stream().filter(key -> !acks.containsKey(key)).count();
        System.out.printf(Locale.ROOT, "decisions logged by the run: %,d (%,d of them never acknowledged: stored, "
                + "but the answer was lost)%n", logged.size(), unacknowledged);
    }

    private void checkLeads(Connection db, long leadsBefore, Map<String, Logged> logged) throws SQLException {
        Set<UUID> created = new HashSet<>();
        Set<UUID> mergedInto = new HashSet<>();
        logged.values().forEach(d -> (CREATING.contains(d.kind()) ? created : mergedInto).add(d.lead()));
        long now = count(db, "select count(*) from lead where tenant_id = ?");
        if (now != leadsBefore + created.size()) {
            problems.add("the tenant holds " + now + " leads, expected " + leadsBefore + " before + " + created.size()
                    + " created = " + (leadsBefore + created.size()));
        }
        Set<UUID> present = existing(db, created);
        created.stream().filter(id -> !present.contains(id)).limit(5)
                .forEach(id -> problems.add("created lead " + id + " is missing"));
        Set<UUID> survivors = existing(db, mergedInto);
        mergedInto.stream().filter(id -> !survivors.contains(id)).limit(5)
                .forEach(id -> problems.add("lead " + id + ", merged into, is missing"));
        System.out.printf(Locale.ROOT, "leads: %,d before, %,d created by the run, %,d now; requests merged into "
                + "%,d leads%n", leadsBefore, created.size(), now, mergedInto.size());
    }

    private void checkJournal(Connection db, Map<String, Logged> logged, Map<String, Ack> acks,
                              java.time.Instant started) throws SQLException, IOException {
        Set<UUID> named = new HashSet<>();
        logged.values().stream().filter(d -> d.kind().equals("Merged")).forEach(d -> {
            Matcher ids = UUIDS.matcher(d.document());
            while (ids.find()) {
                named.add(UUID.fromString(ids.group()));
            }
        });
        Map<UUID, Long> afterVersions = new HashMap<>();
        Map<UUID, UUID> survivors = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "select id, survivor, document from merge_journal where tenant_id = ? and merged_at >= ?")) {
            query.setString(1, TENANT);
            query.setObject(2, java.time.OffsetDateTime.ofInstant(started, java.time.ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    JsonNode entry = json.readTree(rows.getString(3));
                    afterVersions.merge(rows.getObject(2, UUID.class), entry.path("survivorAfter").path("version")
                            .asLong(), Math::max);
                    survivors.put(id, rows.getObject(2, UUID.class));
                }
            }
        }
        survivors.keySet().stream().filter(id -> !named.contains(id)).limit(5)
                .forEach(id -> problems.add("journal entry " + id + " belongs to no logged decision"));
        acks.values().stream().flatMap(a -> a.merges().stream()).filter(id -> !survivors.containsKey(id)).limit(5)
                .forEach(id -> problems.add("acknowledged merge " + id + " is not journaled"));
        int complete = 0;
        try (PreparedStatement query = db.prepareStatement("select l.id, l.version, "
                + "(select count(*) from lead_contact c where c.tenant_id = l.tenant_id and c.lead_id = l.id), "
                + "(select count(*) from lead_key k where k.tenant_id = l.tenant_id and k.lead_id = l.id) "
                + "from lead l where l.tenant_id = ? and l.id = any(?)")) {
            for (List<UUID> chunk : chunks(afterVersions.keySet())) {
                query.setString(1, TENANT);
                query.setArray(2, array(db, chunk));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID survivor = rows.getObject(1, UUID.class);
                        if (rows.getLong(2) < afterVersions.get(survivor) || rows.getLong(3) == 0
                                || rows.getLong(4) == 0) {
                            problems.add("survivor " + survivor + " is half merged: version " + rows.getLong(2)
                                    + " (journal after-image " + afterVersions.get(survivor) + "), "
                                    + rows.getLong(3) + " contacts, " + rows.getLong(4) + " keys");
                        } else {
                            complete++;
                        }
                    }
                }
            }
        }
        if (complete != afterVersions.size()) {
            problems.add((afterVersions.size() - complete) + " merge survivors are missing or half merged");
        }
        System.out.printf(Locale.ROOT, "merge journal: %,d entries, %,d distinct survivors, all complete: %s%n", survivors.size(),
                afterVersions.size(), complete == afterVersions.size());
    }

    private Set<UUID> existing(Connection db, Set<UUID> ids) throws SQLException {
        Set<UUID> found = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("select id from lead where tenant_id = ? and id = any(?)")) {
            for (List<UUID> chunk : chunks(ids)) {
                query.setString(1, TENANT);
                query.setArray(2, array(db, chunk));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        }
        return found;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, TENANT);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Array array(Connection db, List<UUID> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }

    private static List<List<UUID>> chunks(Set<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 10_000) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 10_000)));
        }
        return chunks;
    }

    private static List<UUID> uuids(String cell) {
        return cell.isEmpty() ? List.of() : java.util.Arrays.stream(cell.split(";")).map(UUID::fromString).toList();
    }
}
