package org.dedup.domain.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/**
 * What an event says, by type. Events name records by id only, never by their values: a receiver reads what it
 * needs through the API, and no personal data travels in a webhook.
 */
public sealed interface EventData {

    /** The type receivers dispatch on, e.g. {@code lead.merged}. */
    String type();

    /** The event's attributes as JSON gives them: strings, numbers and lists of strings, in a stable order. */
    Map<String, Object> attributes();

    /** Leads were merged (by duplicate control or by a person): the others now live on in the survivor. */
    record LeadMerged(MergeId merge, LeadId survivor, List<LeadId> absorbed, MergeKind kind) implements EventData {
        public LeadMerged {
            Require.nonNull(merge, "merge id");
            Require.nonNull(survivor, "survivor");
            absorbed = Require.copy(absorbed, "absorbed leads");
            Require.nonNull(kind, "merge kind");
        }

        @Override
        public String type() {
            return "lead.merged";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("merge", merge.value().toString());
            attributes.put("survivor", survivor.value().toString());
            attributes.put("absorbed", ids(absorbed));
            attributes.put("by", kind.name().toLowerCase(Locale.ROOT));
            return attributes;
        }
    }

    /** A lead merge was undone: the survivor has its values back and the absorbed leads exist again. */
    record MergeUndone(MergeId merge, LeadId survivor, List<LeadId> restored) implements EventData {
        public MergeUndone {
            Require.nonNull(merge, "merge id");
            Require.nonNull(survivor, "survivor");
            restored = Require.copy(restored, "restored leads");
        }

        @Override
        public String type() {
            return "merge.undone";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("merge", merge.value().toString());
            attributes.put("survivor", survivor.value().toString());
            attributes.put("restored", ids(restored));
            return attributes;
        }
    }

    /**
     * Contacts or companies were merged (by a person, by a review item or by duplicate control on add): the absorbed
     * stored records now live on in the survivor. {@code contact.merged} or {@code company.merged}.
     */
    record PartyMerged(MergeId merge, RecordKind kind, RecordRef survivor, List<RecordRef> absorbed)
            implements EventData {
        public PartyMerged {
            Require.nonNull(merge, "merge id");
            Require.nonNull(kind, "record kind");
            Require.nonNull(survivor, "survivor");
            absorbed = Require.copy(absorbed, "absorbed records");
        }

        @Override
        public String type() {
            return kind.name().toLowerCase(Locale.ROOT) + ".merged";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("merge", merge.value().toString());
            attributes.put("survivor", survivor.value().toString());
            attributes.put("absorbed", ids(absorbed));
            return attributes;
        }
    }

    /**
     * A contact or company merge was undone ({@code merge.undone} as for leads, with the {@code kind}): the survivor
     * has its values back and the merged records exist again.
     */
    record PartyMergeUndone(MergeId merge, RecordKind kind, RecordRef survivor, List<RecordRef> restored)
            implements EventData {
        public PartyMergeUndone {
            Require.nonNull(merge, "merge id");
            Require.nonNull(kind, "record kind");
            Require.nonNull(survivor, "survivor");
            restored = Require.copy(restored, "restored records");
        }

        @Override
        public String type() {
            return "merge.undone";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("merge", merge.value().toString());
            attributes.put("kind", kind.name().toLowerCase(Locale.ROOT));
            attributes.put("survivor", survivor.value().toString());
            attributes.put("restored", ids(restored));
            return attributes;
        }
    }

    /**
     * Duplicate control left a lead's possible duplicates for a person to review: only possible duplicates were
     * found ({@code pending_review}), or more duplicates than the merge limit ({@code too_many_matches}).
     */
    record DuplicatesToReview(LeadId lead, String reason, List<RecordRef> candidates) implements EventData {
        public DuplicatesToReview {
            Require.nonNull(lead, "lead");
            Require.nonBlank(reason, "review reason");
            candidates = Require.copy(candidates, "candidates");
        }

        @Override
        public String type() {
            return "review.opened";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("source", reason);
            attributes.put("lead", lead.value().toString());
            attributes.put("candidates", ids(candidates));
            return attributes;
        }
    }

    /** A bulk search found groups of duplicates to review. */
    record GroupsToReview(UUID scan, int groups) implements EventData {
        public GroupsToReview {
            Require.nonNull(scan, "scan id");
            Require.positive(groups, "groups");
        }

        @Override
        public String type() {
            return "review.opened";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("source", "scan");
            attributes.put("scan", scan.toString());
            attributes.put("groups", groups);
            return attributes;
        }
    }

    /** A bulk search ended: {@code done} (with what it found) or {@code failed} (the previous groups kept). */
    record ScanFinished(UUID scan, String status, int records, int groups) implements EventData {
        public ScanFinished {
            Require.nonNull(scan, "scan id");
            Require.nonBlank(status, "scan status");
        }

        @Override
        public String type() {
            return "scan.finished";
        }

        @Override
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("scan", scan.toString());
            attributes.put("status", status);
            attributes.put("records", records);
            attributes.put("groups", groups);
            return attributes;
        }
    }

    private static List<String> ids(List<? extends RecordRef> records) {
        return records.stream().map(r -> r.value().toString()).toList();
    }
}
