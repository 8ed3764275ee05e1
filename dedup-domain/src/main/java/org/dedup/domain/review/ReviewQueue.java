package org.dedup.domain.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.merge.MergeResult;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.CandidatePair;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.Transactor;

/**
 * The review queue: possible duplicates a person decides on. Items come from duplicate control (pending review,
 * too many matches; opened with the decision) and from the latest bulk search (a group opens an item when the queue
 * is next read, and an open one closes when a later search no longer finds its group). Reading an item compares its
 * records with the stored ones: one merged or deleted elsewhere closes it, a changed one raises its revision. An
 * action is refused (409) on an item that is not open, whose revision is not the one the person saw, or whose
 * records changed since they were last read; a merge also checks each lead's version in its own transaction.
 */
public final class ReviewQueue {
    /** Who the queue names when it closes an item by itself. */
    public static final String SYSTEM = "dedup";
    private final ReviewStore store;
    private final DuplicateSearch search;
    private final RecordMerges merges;
    private final Records records;
    private final Transactor transactor;
    private final Audited audited;
    private final Clock clock;

    public ReviewQueue(ReviewStore store, DuplicateSearch search, RecordMerges merges, LeadRepository leads,
                       ContactRepository contacts, CompanyRepository companies, Transactor transactor,
                       Audited audited, Clock clock) {
        this.store = Require.nonNull(store, "review store");
        this.search = Require.nonNull(search, "duplicate search");
        this.merges = Require.nonNull(merges, "record merges");
        this.records = new Records(leads, contacts, companies);
        this.transactor = Require.nonNull(transactor, "transactor");
        this.audited = Require.nonNull(audited, "audited writes");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** A page of the queue; {@code next} is where the following page starts, empty on the last one. */
    public record Page(List<ReviewItem> items, Optional<ReviewCursor> next) {
        public Page {
            items = Require.copy(items, "review items");
            Require.nonNull(next, "next cursor");
        }
    }

    /**
     * Who acts on which item, and the item's revision they saw (0: not given, the records are still compared with
     * how they were last read).
     */
    public record Action(TenantId tenant, UUID item, String actor, long seenRevision) {
        public Action {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(item, "review item id");
            Require.nonBlank(actor, "actor");
        }

        Audited.Writer writer() {
            return new Audited.Writer(tenant, actor);
        }
    }

    /**
     * How to merge an item's records: which of them ({@code records} empty: all, when they are of one kind), the
     * survivor (null: the first of them), per field the record whose value to keep, the rule by name (blank: the
     * kind's default).
     */
    public record MergeChoice(List<UUID> records, UUID survivor, Map<String, UUID> choices, String rule) {
        public MergeChoice {
            records = Require.copy(records, "merged records");
            choices = Map.copyOf(choices);
            Require.nonNull(rule, "survivorship rule");
        }
    }

    public Page list(TenantId tenant, ReviewFilter filter, Optional<ReviewCursor> after, int limit) {
        Require.positive(limit, "page size");
        openGroups(tenant);
        List<ReviewItem> found = store.page(tenant, filter, after, limit + 1);
        List<ReviewItem> page = found.subList(0, Math.min(limit, found.size()));
        List<ReviewItem> shown = read(tenant, page).stream().filter(filter::takes).toList();
        return new Page(shown, found.size() > limit ? Optional.of(page.getLast().cursor()) : Optional.empty());
    }

    /** One item, its records compared with the stored ones first. */
    public ReviewItem show(TenantId tenant, UUID id) {
        return read(tenant, List.of(find(tenant, id))).getFirst();
    }

    /**
     * Merges the item's records and resolves it as merged, the merge id as its detail, followed by the methods whose
     * matchers failed on the survivor, if any.
     */
    public ReviewItem merge(Action action, MergeChoice choice) {
        ReviewItem item = current(action);
        RecordKind kind = kindOf(item, choice);
        List<UUID> merged = choice.records().isEmpty() ? item.records().stream().map(RecordRef::value).toList()
                : choice.records();
        merged.forEach(id -> requireIn(item, RecordRef.of(kind, id)));
        UUID survivor = choice.survivor() == null ? merged.getFirst() : choice.survivor();
        Map<UUID, Long> seen = new HashMap<>();
        merged.forEach(id -> item.seen().versionOf(new LeadId(id)).ifPresent(v -> seen.put(id, v)));
        return transactor.inTransaction(() -> {
            ReviewItem open = stillOpen(action);
            MergeResult merge = merges.merge(new RecordMerges.Request(action.tenant(), kind, merged, survivor,
                    choice.choices(), choice.rule(), seen));
            audited.record(action.writer(), AuditAction.MERGE, merge.merge().value().toString());
            return resolved(action, open, ReviewStatus.MERGED, "merge " + merge.merge().value()
                    + (merge.failures().isEmpty() ? "" : "; matchers failed: " + merge.failures().stream()
                    .map(f -> f.method().id()).distinct().sorted().toList()));
        });
    }

    /** Marks every candidate pair of the item not a duplicate and resolves it so. */
    public ReviewItem notDuplicate(Action action) {
        ReviewItem item = current(action);
        return transactor.inTransaction(() -> {
            ReviewItem open = stillOpen(action);
            item.pairs().stream().map(CandidatePair::pair).distinct()
                    .forEach(pair -> search.markNotDuplicate(action.tenant(), pair));
            return resolved(action, open, ReviewStatus.NOT_DUPLICATE, "");
        });
    }

    /** Resolves the item as dismissed; nothing else changes. */
    public ReviewItem dismiss(Action action) {
        current(action);
        return transactor.inTransaction(() -> resolved(action, stillOpen(action), ReviewStatus.DISMISSED, ""));
    }

    /**
     * The open item as it is now: refused when it is not open (it may just have been closed), when the person saw
     * another revision, or when its records changed since they were last read (the item then shows the new ones).
     */
    private ReviewItem current(Action action) {
        ReviewItem before = find(action.tenant(), action.item());
        if (!before.isOpen()) {
            throw new ReviewItemResolvedException(before);
        }
        if (action.seenRevision() != 0 && action.seenRevision() != before.revision()) {
            throw new ReviewRevisionMismatchException(before, "changed since revision " + action.seenRevision()
                    + " (now " + before.revision() + "): read it again");
        }
        ReviewItem now = read(action.tenant(), List.of(before)).getFirst();
        if (!now.isOpen()) {
            throw new ReviewItemResolvedException(now);
        }
        if (before.revision() != 0) {
            Optional<RecordRef> changed = now.seen().changedSince(before.seen());
            if (changed.isPresent() && action.seenRevision() != 0) {
                throw new ReviewRevisionMismatchException(now, "is at revision " + now.revision() + ", not "
                        + action.seenRevision() + ": " + changed.get() + " changed since it was read; read it again");
            }
            if (changed.isPresent()) {
                throw new StaleRecordException(action.tenant(), changed.get(), "it changed since review item "
                        + now.id() + " was read (now revision " + now.revision() + "); read the item again");
            }
        }
        return now;
    }

    private ReviewItem stillOpen(Action action) {
        ReviewItem item = find(action.tenant(), action.item());
        if (!item.isOpen()) {
            throw new ReviewItemResolvedException(item);
        }
        return item;
    }

    /** Resolves the item as a person's action, who did it recorded in the audit too. */
    private ReviewItem resolved(Action action, ReviewItem item, ReviewStatus status, String detail) {
        audited.record(action.writer(), switch (status) {
            case MERGED -> AuditAction.REVIEW_MERGED;
            case NOT_DUPLICATE -> AuditAction.REVIEW_NOT_DUPLICATE;
            case DISMISSED -> AuditAction.REVIEW_DISMISSED;
            case OPEN, CLOSED -> throw new IllegalArgumentException("a person resolves an item as merged, not a "
                    + "duplicate or dismissed, never as " + status);
        }, item.id().toString());
        return resolve(item, status, action.actor(), detail);
    }

    private ReviewItem resolve(ReviewItem item, ReviewStatus status, String actor, String detail) {
        ReviewItem resolved = item.resolved(new ReviewState.Resolved(status, clock.instant(), actor, detail));
        store.update(resolved);
        return resolved;
    }

    private ReviewItem find(TenantId tenant, UUID id) {
        return store.find(tenant, id).orElseThrow(() -> new RecordNotFoundException("review item " + id
                + " does not exist in tenant " + tenant));
    }

    /**
     * The items with their records compared with the stored ones, each change stored: an open item one of whose
     * records is gone is closed, one whose records changed (or were never read) is seen anew.
     */
    private List<ReviewItem> read(TenantId tenant, List<ReviewItem> items) {
        Set<RecordRef> refs = new LinkedHashSet<>();
        items.stream().filter(ReviewItem::isOpen).forEach(i -> refs.addAll(i.records()));
        if (refs.isEmpty()) {
            return items;
        }
        ReviewSnapshot stored = records.load(tenant, refs);
        List<ReviewItem> read = new ArrayList<>();
        for (ReviewItem item : items) {
            read.add(item.isOpen() ? transactor.inTransaction(() -> compared(item, stored)) : item);
        }
        return read;
    }

    private ReviewItem compared(ReviewItem item, ReviewSnapshot stored) {
        Optional<RecordRef> gone = stored.missing(item.records());
        if (gone.isPresent()) {
            return resolve(item, ReviewStatus.CLOSED, SYSTEM, gone.get() + " was merged or deleted elsewhere");
        }
        ReviewItem seen = item.seenAs(records.only(stored, item.records()));
        if (seen.revision() != item.revision()) {
            store.update(seen);
        }
        return seen;
    }

    /** Opens an item for each group of the latest bulk search without one; closes those whose group is gone. */
    private void openGroups(TenantId tenant) {
        Map<UUID, ReviewStatus> known = store.sources(tenant, ReviewSource.BULK_SEARCH);
        List<DuplicateGroup> groups = search.groups(tenant);
        Set<UUID> current = new HashSet<>();
        for (DuplicateGroup group : groups) {
            current.add(group.id());
            if (!known.containsKey(group.id())) {
                store.open(ReviewItem.of(tenant, group, search.explain(tenant, group.members()), clock.instant()));
            }
        }
        known.forEach((group, status) -> {
            if (status == ReviewStatus.OPEN && !current.contains(group)) {
                store.findBySource(tenant, ReviewSource.BULK_SEARCH, group).ifPresent(item -> transactor
                        .inTransaction(() -> resolve(item, ReviewStatus.CLOSED, SYSTEM,
                                "the latest bulk search no longer groups these records")));
            }
        });
    }

    private static RecordKind kindOf(ReviewItem item, MergeChoice choice) {
        Set<RecordKind> kinds = new HashSet<>();
        if (choice.records().isEmpty()) {
            item.records().forEach(r -> kinds.add(r.kind()));
        } else {
            choice.records().forEach(id -> item.records().stream().filter(r -> r.value().equals(id))
                    .forEach(r -> kinds.add(r.kind())));
        }
        if (kinds.size() != 1) {
            throw new InvalidRecordException("review item " + item.id() + " holds records of several kinds; name "
                    + "the records of one kind to merge");
        }
        return kinds.iterator().next();
    }

    private static void requireIn(ReviewItem item, RecordRef ref) {
        if (!item.records().contains(ref)) {
            throw new InvalidRecordException(ref + " is not one of the records of review item " + item.id());
        }
    }

    /** The stored leads, contacts and companies an item names, read with one query per kind. */
    private record Records(LeadRepository leads, ContactRepository contacts, CompanyRepository companies) {
        ReviewSnapshot load(TenantId tenant, Set<RecordRef> refs) {
            return new ReviewSnapshot(
                    leads.findAll(tenant, refs.stream().filter(LeadId.class::isInstance).map(LeadId.class::cast)
                            .toList()),
                    contacts.findAll(tenant, refs.stream().filter(ContactId.class::isInstance)
                            .map(ContactId.class::cast).toList()),
                    companies.findAll(tenant, refs.stream().filter(CompanyId.class::isInstance)
                            .map(CompanyId.class::cast).toList()));
        }

        ReviewSnapshot only(ReviewSnapshot all, List<RecordRef> refs) {
            return new ReviewSnapshot(all.leads().stream().filter(l -> refs.contains(l.id())).toList(),
                    all.contacts().stream().filter(c -> refs.contains(c.id())).toList(),
                    all.companies().stream().filter(c -> refs.contains(c.id())).toList());
        }
    }
}
