package org.dedup.ml.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.audit.MergeRecord;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.SettingsStore;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Labelled pairs from what a tenant's people decided, so a model learns each account's notion of a duplicate. Read for
 * the kinds of record the model is about: leads and contacts for a person model, companies for a company model (two
 * leads merged are one person, which says nothing on whether their companies are one).
 * <ul>
 *   <li>A merge still in effect says the survivor and each record it absorbed were duplicates (the records as the
 *   journal's before-images keep them).</li>
 *   <li>A merge undone with a "not a duplicate" mark (what an unmerge leaves by default) says they differ; one undone
 *   without a mark was undone for another reason (a wrong survivor, a trial) and withdraws what the merge said.</li>
 *   <li>Every other mark between two of the tenant's records the model reads says they differ (the records as
 *   stored now).</li>
 * </ul>
 * The newest decision about a pair is the one learnt, each pair once. Reads the tenant's own decisions only.
 */
public final class TenantDecisions {
    /** How many of the newest merges of each kind of record are read. */
    public static final int MAX_MERGES = 100_000;
    private final MergeHistory merges;
    private final NotDuplicateStore notDuplicates;
    private final RecordStandardizer standardizer;
    private final SettingsStore settings;
    private final LeadPersons persons;
    private final int maxMerges;

    public TenantDecisions(MergeHistory merges, NotDuplicateStore notDuplicates, RecordStandardizer standardizer,
                           SettingsStore settings, LeadPersons persons) {
        this(merges, notDuplicates, standardizer, settings, persons, MAX_MERGES);
    }

    /** As above, reading the newest {@code maxMerges} merges of each kind. */
    public TenantDecisions(MergeHistory merges, NotDuplicateStore notDuplicates, RecordStandardizer standardizer,
                           SettingsStore settings, LeadPersons persons, int maxMerges) {
        this.merges = merges;
        this.notDuplicates = notDuplicates;
        this.standardizer = standardizer;
        this.settings = settings;
        this.persons = persons;
        this.maxMerges = Require.positive(maxMerges, "merges read");
    }

    /**
     * The labelled pairs of the tenant's merges, unmerges and marks; {@code stored} are the tenant's records as the
     * model reads them (a mark between records not among them teaches nothing).
     */
    public List<LabelledPair> pairs(TenantId tenant, Map<RecordRef, PersonRecord> stored) {
        Set<RecordPair> marks = notDuplicates.all(tenant);
        StandardizationOptions options = settings.settings(tenant).standardization();
        List<RecordKind> kinds = kinds();
        Set<RecordPair> decided = new HashSet<>();
        List<LabelledPair> pairs = new ArrayList<>();
        for (RecordKind kind : kinds) {
            for (MergeRecord merge : merges.page(tenant, newest(kind))) {
                Object survivor = merge.before().getFirst();
                for (Object other : merge.before().subList(1, merge.before().size())) {
                    RecordPair pair = new RecordPair(ref(survivor), ref(other));
                    boolean inEffect = merge.state() == MergeState.APPLIED;
                    if (decided.add(pair) && (inEffect || marks.contains(pair))) {
                        pairs.add(new LabelledPair(new PersonPair(person(survivor, options), person(other, options)),
                                inEffect));
                    }
                }
            }
        }
        for (RecordPair mark : marks) {
            PersonRecord first = stored.get(mark.first());
            PersonRecord second = stored.get(mark.second());
            if (kinds.contains(mark.first().kind()) && kinds.contains(mark.second().kind()) && first != null
                    && second != null && decided.add(mark)) {
                pairs.add(new LabelledPair(new PersonPair(first, second), false));
            }
        }
        return pairs;
    }

    /** The kinds of record the model compares, leads left out of a company model's. */
    private List<RecordKind> kinds() {
        boolean companies = persons.compares(RecordKind.COMPANY);
        return Arrays.stream(RecordKind.values()).filter(persons::compares)
                .filter(kind -> kind != RecordKind.LEAD || !companies).toList();
    }

    private MergeHistory.Query newest(RecordKind kind) {
        return new MergeHistory.Query(kind, Optional.empty(), Optional.empty(), Optional.empty(),
                new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), maxMerges));
    }

    /** The id of a journaled record (a lead, contact or company before-image). */
    private static RecordRef ref(Object record) {
        return switch (record) {
            case Lead lead -> lead.id();
            case Contact contact -> contact.id();
            case Company company -> company.id();
            default -> throw notARecord(record);
        };
    }

    private PersonRecord person(Object record, StandardizationOptions options) {
        return switch (record) {
            case Lead lead -> persons.person(standardizer.lead(lead, options));
            case Contact contact -> persons.person(contact, standardizer.contact(contact, options));
            case Company company -> persons.person(company, standardizer.company(company, options));
            default -> throw notARecord(record);
        };
    }

    private static IllegalStateException notARecord(Object record) {
        return new IllegalStateException("a merge journal holds leads, contacts and companies, not "
                + record.getClass().getSimpleName());
    }
}
