package org.dedup.domain.party;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeChoices;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.StaleRecordException;

/**
 * Manual merge and unmerge of N contacts or N companies, each in one transaction: the survivor gets its values by
 * {@link PartySurvivorship} (refused whole when it, or a lead that follows, would carry more than the
 * {@link LeadLimits} allow), the others are deleted, every lead that linked one of them follows it to the survivor,
 * and the journal keeps every before- and after-image. Unmerge puts back each record and each lead exactly as it
 * was, and is refused when the survivor or one of those leads holds other values than the merge left.
 */
public final class PartyMerges<P extends Party> {
    /** A merge never half-follows: beyond this many linking leads it is refused whole. */
    public static final int MAX_FOLLOWING_LEADS = 10_000;
    private final PartyKind<P> kind;
    private final DuplicateControlPorts ports;
    private final PartyMergeJournal journal;
    private final InstalledMatchers matchers;
    private final RecordStandardizer standardizer;
    private final Clock clock;
    private final LeadLimits limits;

    public PartyMerges(PartyKind<P> kind, DuplicateControlPorts ports, PartyMergeJournal journal,
                       InstalledMatchers matchers, RecordStandardizer standardizer, Clock clock, LeadLimits limits) {
        this.kind = kind;
        this.ports = ports;
        this.journal = journal;
        this.matchers = matchers;
        this.standardizer = standardizer;
        this.clock = clock;
        this.limits = limits;
    }

    /** Two or more records of one kind, the one that remains, and per field the record whose value to keep. */
    public record Request(TenantId tenant, List<RecordRef> records, RecordRef survivor,
                          Map<String, RecordRef> choices) {
        public Request {
            records = MergeChoices.records(records, survivor);
            choices = Map.copyOf(choices);
        }
    }

    public PartyKind<P> kind() {
        return kind;
    }

    /** Refuses, naming the limit, a record carrying more than one contact of a lead may. */
    public void admit(P record) {
        limits.check(record);
    }

    public MergeId merge(Request request) {
        TenantId tenant = request.tenant();
        requireKind(request);
        return ports.transactor().inTransaction(() -> {
            lock(tenant, request.records());
            Preview<P> preview = planned(request);
            List<P> before = preview.before();
            P after = preview.after();
            List<FieldProvenance> provenance = preview.provenance();
            List<RecordRef> ordered = before.stream().map(Party::id).toList();
            admit(after);
            Set<RecordRef> absorbed = Set.copyOf(ordered.subList(1, ordered.size()));
            List<Lead> leadsBefore = linkingLeads(tenant, absorbed);
            List<Lead> leadsAfter = new ArrayList<>();
            Instant now = clock.instant();
            for (Lead lead : leadsBefore) {
                Lead followed = kind.relinked(lead, absorbed, after).touched(now);
                limits.check(followed);
                ports.leads().update(followed, keys(tenant, followed));
                leadsAfter.add(followed);
            }
            absorbed.forEach(id -> {
                kind.delete(tenant, id);
                marksFollowTheSurvivor(tenant, id, after.id());
            });
            kind.save(tenant, after);
            PartyMergeEntry<P> entry = new PartyMergeEntry<>(MergeId.random(), tenant, now, kind.kind(), before,
                    after, List.of(), leadsBefore, leadsAfter, provenance, MergeState.APPLIED);
            journal.append(entry);
            return entry.id();
        });
    }

    /**
     * The records of a merge as stored (survivor first), the survivor {@link #merge} would leave and where each of
     * its fields comes from; nothing is written.
     */
    public record Preview<P extends Party>(List<P> before, P after, List<FieldProvenance> provenance) {
        public Preview {
            before = List.copyOf(before);
            provenance = List.copyOf(provenance);
        }
    }

    /** What {@link #merge} would do with the request, from the same stored records; nothing is written. */
    public Preview<P> preview(Request request) {
        requireKind(request);
        return ports.transactor().inTransaction(() -> planned(request));
    }

    private void requireKind(Request request) {
        request.records().stream().filter(r -> r.kind() != kind.kind()).findFirst().ifPresent(r -> {
            throw new InvalidRecordException("a " + name() + " merge merges " + name() + "s only, " + r + " is not one");
        });
    }

    private Preview<P> planned(Request request) {
        TenantId tenant = request.tenant();
        List<RecordRef> ordered = Stream.concat(Stream.of(request.survivor()),
                request.records().stream().filter(r -> !r.equals(request.survivor()))).toList();
        List<P> before = kind.findAll(tenant, ordered);
        for (RecordRef id : ordered) {
            if (before.stream().noneMatch(r -> r.id().equals(id))) {
                throw new RecordNotFoundException(tenant, id);
            }
        }
        List<FieldProvenance> provenance = new ArrayList<>();
        P after = kind.merged(before, request.choices(), survivorship(tenant), provenance);
        return new Preview<>(before, after, provenance);
    }

    /**
     * Duplicate control on add: {@code incoming}, never stored, became part of {@code stored}, which is now
     * {@code after}. Joins the caller's transaction; an unmerge stores {@code incoming} as its own record.
     */
    public MergeId absorbIncoming(TenantId tenant, P stored, P after, P incoming, List<FieldProvenance> provenance) {
        admit(after);
        return ports.transactor().inTransaction(() -> {
            kind.save(tenant, after);
            PartyMergeEntry<P> entry = new PartyMergeEntry<>(MergeId.random(), tenant, clock.instant(), kind.kind(),
                    List.of(stored), after, List.of(incoming), List.of(), List.of(), provenance, MergeState.APPLIED);
            journal.append(entry);
            return entry.id();
        });
    }

    /** Whether the tenant's journal holds the merge {@code id} of this kind of record. */
    public boolean has(TenantId tenant, MergeId id) {
        return journal.find(tenant, id, kind.type()).isPresent();
    }

    /**
     * Undoes the merge; unless {@code remembered} says otherwise the survivor and each record put back are marked
     * "not a duplicate", as a person who undoes a merge says they are.
     */
    public PartyMergeEntry<P> unmerge(TenantId tenant, MergeId id, AfterUnmerge remembered) {
        return ports.transactor().inTransaction(() -> {
            PartyMergeEntry<P> entry = journal.find(tenant, id, kind.type()).orElseThrow(
                    () -> new InvalidRecordException(id + " is not a " + name() + " merge of tenant " + tenant));
            if (entry.state() == MergeState.UNDONE) {
                throw new InvalidRecordException(id + " of tenant " + tenant + " was already undone");
            }
            lock(tenant, entry.before().stream().map(Party::id).toList());
            List<P> current = kind.findAll(tenant, List.of(entry.after().id()));
            if (!current.equals(List.of(entry.after()))) {
                throw new StaleRecordException(tenant, entry.after().id(), "it changed after " + id);
            }
            List<Lead> leadsNow = lockedLeads(tenant, entry.leadsAfter().stream().map(Lead::id).toList());
            for (Lead after : entry.leadsAfter()) {
                if (leadsNow.stream().noneMatch(l -> l.id().equals(after.id()) && sameValues(l, after))) {
                    throw new StaleRecordException(tenant, after.id(), "it changed after " + id);
                }
            }
            Instant now = clock.instant();
            for (Lead before : entry.leadsBefore()) {
                long version = leadsNow.stream().filter(l -> l.id().equals(before.id())).findFirst().orElseThrow()
                        .version();
                Lead restored = before.withVersion(version + 1, now);
                ports.leads().update(restored, keys(tenant, restored));
            }
            entry.before().forEach(record -> kind.save(tenant, record));
            entry.incoming().forEach(record -> kind.save(tenant, record));
            if (remembered == AfterUnmerge.MARK_NOT_DUPLICATES) {
                Stream.concat(entry.absorbed().stream(), entry.incoming().stream()).forEach(record -> ports
                        .notDuplicates().mark(tenant, new RecordPair(entry.after().id(), record.id())));
            }
            journal.markUndone(tenant, id);
            return entry.undone();
        });
    }

    /**
     * The records a person said an absorbed record is not a duplicate of are not duplicates of its survivor either,
     * now that it holds the absorbed values: the marks are copied to the survivor, as a lead merge does (and stay when
     * the merge is undone, which only ever prevents a merge).
     */
    private void marksFollowTheSurvivor(TenantId tenant, RecordRef absorbed, RecordRef survivor) {
        ports.notDuplicates().markedWith(tenant, absorbed).stream().filter(partner -> !partner.equals(survivor))
                .forEach(partner -> ports.notDuplicates().mark(tenant, new RecordPair(survivor, partner)));
    }

    /**
     * Whether a lead still holds what a merge left in it; its version may have moved on when a later merge of it was
     * undone, which writes those same values back as a new version.
     */
    private static boolean sameValues(Lead stored, Lead after) {
        return stored.withVersion(0, Instant.EPOCH).equals(after.withVersion(0, Instant.EPOCH));
    }

    private List<Lead> linkingLeads(TenantId tenant, Set<RecordRef> absorbed) {
        List<LeadId> ids = kind.linking(ports.leads(), tenant, absorbed, MAX_FOLLOWING_LEADS + 1);
        if (ids.size() > MAX_FOLLOWING_LEADS) {
            throw new InvalidRecordException("more than " + MAX_FOLLOWING_LEADS + " leads link the merged "
                    + name() + "s; nothing was merged");
        }
        return lockedLeads(tenant, ids);
    }

    /** The leads, read again once locked, so each is updated from the version no one else can change any more. */
    private List<Lead> lockedLeads(TenantId tenant, List<LeadId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ports.keyLocks().lock(tenant, ids.stream().map(id -> new MatchKey("lead", id.value().toString())).toList());
        return ports.leads().findAll(tenant, ids);
    }

    private void lock(TenantId tenant, Collection<RecordRef> records) {
        ports.keyLocks().lock(tenant, records.stream().map(r -> new MatchKey(name(), r.value().toString())).toList());
    }

    private java.util.Set<MatchKey> keys(TenantId tenant, Lead lead) {
        List<MatcherFailure> failures = new ArrayList<>();
        return matchers.indexKeys(lead, ports.settings().settings(tenant), failures);
    }

    private PartySurvivorship survivorship(TenantId tenant) {
        return new PartySurvivorship(standardizer, options(tenant));
    }

    private StandardizationOptions options(TenantId tenant) {
        return ports.settings().settings(tenant).standardization();
    }

    private String name() {
        return kind.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
