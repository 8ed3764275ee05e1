package org.dedup.domain.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.RuleEvaluator;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.SearchKeys;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

/**
 * Creatio-style duplicate search over leads, contacts and companies, compared with each other by the tenant's
 * duplicate rules (the preconfigured ones until the tenant saves its own): check on save of a record not yet
 * stored, bulk search of the whole tenant, its dry run with other rules, and "not a duplicate" marks that both
 * remember.
 */
public final class DuplicateSearch {
    private static final int CANDIDATE_LIMIT = 200;
    private final LeadRepository leads;
    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final SettingsStore settings;
    private final NotDuplicateStore notDuplicates;
    private final DuplicateGroupStore groups;
    private final RecordStandardizer standardizer;
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final BulkSearch bulkSearch = new BulkSearch();
    private final Map<MatchMethod, RecordLinker> linkers;

    /** Duplicate search whose bulk search has the rules only. */
    public DuplicateSearch(LeadRepository leads, ContactRepository contacts, CompanyRepository companies,
                           SettingsStore settings, NotDuplicateStore notDuplicates, DuplicateGroupStore groups,
                           RecordStandardizer standardizer) {
        this(leads, contacts, companies, settings, notDuplicates, groups, standardizer, Map.of());
    }

    /**
     * Duplicate search whose bulk search may also use a model: the first of the {@code linkers} of installed methods
     * (those whose matcher offers a {@linkplain org.dedup.domain.match.Matcher#recordLinker() record linker}), in the
     * map's order.
     */
    public DuplicateSearch(LeadRepository leads, ContactRepository contacts, CompanyRepository companies,
                           SettingsStore settings, NotDuplicateStore notDuplicates, DuplicateGroupStore groups,
                           RecordStandardizer standardizer, Map<MatchMethod, RecordLinker> linkers) {
        this.leads = Require.nonNull(leads, "lead repository");
        this.contacts = Require.nonNull(contacts, "contact repository");
        this.companies = Require.nonNull(companies, "company repository");
        this.settings = Require.nonNull(settings, "settings store");
        this.notDuplicates = Require.nonNull(notDuplicates, "not-duplicate store");
        this.groups = Require.nonNull(groups, "duplicate group store");
        this.standardizer = Require.nonNull(standardizer, "standardizer");
        this.linkers = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(linkers, "record linkers")));
    }

    public List<DuplicateRule> rules(TenantId tenant) {
        return PreconfiguredRules.orPreconfigured(settings.rules(tenant));
    }

    /** Stores a contact with its search keys. */
    public void saveContact(TenantId tenant, Contact contact) {
        contacts.save(tenant, contact, SearchKeys.index(standardizer.contact(contact, options(tenant))));
    }

    /** Stores a company with its search keys. */
    public void saveCompany(TenantId tenant, Company company) {
        companies.save(tenant, company, SearchKeys.index(standardizer.company(company, options(tenant))));
    }

    public List<MatchCandidate> checkLead(Lead lead) {
        return check(lead.tenant(), standardizer.lead(lead, options(lead.tenant())).all());
    }

    public List<MatchCandidate> checkContact(TenantId tenant, Contact contact) {
        return check(tenant, standardizer.contact(contact, options(tenant)));
    }

    public List<MatchCandidate> checkCompany(TenantId tenant, Company company) {
        return check(tenant, standardizer.company(company, options(tenant)));
    }

    /**
     * The likely duplicates of a record not yet saved, among leads, contacts and companies, each with the rule and
     * fields that matched. Uses only indexed lookups of the record's search keys.
     */
    private List<MatchCandidate> check(TenantId tenant, RecordProfile record) {
        List<DuplicateRule> onSave = rules(tenant).stream().filter(r -> r.active() && r.useOnSave())
                .filter(r -> r.objects().contains(record.ref().kind())).toList();
        Set<MatchKey> keys = SearchKeys.probe(record, onSave);
        if (keys.isEmpty()) {
            return List.of();
        }
        StandardizationOptions options = options(tenant);
        List<RecordProfile> candidates = new ArrayList<>();
        leads.findAll(tenant, leads.findByKeys(tenant, keys, SearchScope.everything(), CANDIDATE_LIMIT))
                .forEach(l -> candidates.add(standardizer.lead(l, options).all()));
        contacts.findAll(tenant, contacts.findByKeys(tenant, keys, CANDIDATE_LIMIT))
                .forEach(c -> candidates.add(standardizer.contact(c, options)));
        companies.findAll(tenant, companies.findByKeys(tenant, keys, CANDIDATE_LIMIT))
                .forEach(c -> candidates.add(standardizer.company(c, options)));
        Set<RecordRef> marked = notDuplicates.markedWith(tenant, record.ref());
        return candidates.stream()
                .filter(c -> !c.ref().equals(record.ref()) && !marked.contains(c.ref()))
                .flatMap(c -> evaluator.evaluate(record, c, onSave).stream())
                .sorted(Comparator.comparing(MatchCandidate::record))
                .toList();
    }

    /** Bulk search of the tenant with its rules; the groups replace the previous ones, keeping their ids. */
    public BulkSearchResult scan(TenantId tenant) {
        return scan(tenant, ScanMethod.RULES);
    }

    /**
     * Bulk search of the tenant by its rules, the BIG DATA model, or both, their links clustered together; the groups
     * replace the previous ones, keeping their ids.
     *
     * @throws org.dedup.domain.model.InvalidOptionException when the method needs a model no installed matcher has
     */
    public BulkSearchResult scan(TenantId tenant, ScanMethod method) {
        requireAvailable(method);
        List<ScannedRecord> records = records(tenant);
        List<RecordProfile> profiles = records.stream().map(ScannedRecord::profile).toList();
        ModelScores model = ModelScores.none();
        if (method.usesModel()) {
            Map.Entry<MatchMethod, RecordLinker> linker = linker();
            model = new ModelScores(linker.getKey().id(), linker.getValue().score(records));
        }
        BulkSearchResult result = bulkSearch.run(profiles, method.usesRules() ? rules(tenant) : List.of(), model,
                notDuplicates.all(tenant), groups.groups(tenant));
        groups.replace(tenant, result.groups());
        return result;
    }

    /** The search of {@link #scan(TenantId, ScanMethod, SpillingBulkSearch, Consumer)}, its groups only stored. */
    public SpilledSearchResult scan(TenantId tenant, ScanMethod method, SpillingBulkSearch spilling) {
        return scan(tenant, method, spilling, group -> {
        });
    }

    /**
     * The bulk search of {@link #scan(TenantId, ScanMethod)} in memory bounded by the largest block rather than by
     * the tenant: the records are read from storage page by page and spilled, their blocks sorted on disk, by
     * {@code spilling}. The same groups as {@link #scan(TenantId, ScanMethod)}: read back from disk one at a time,
     * they replace the previous ones (keeping their ids) in the store, which holds a few at a time, and each goes to
     * {@code each} (a report, say) as it is written, before the replacement commits. A model that cannot say how it
     * blocks ({@link RecordLinker#blocking()}) scores the tenant as a whole, so a scan by it is searched in memory.
     *
     * @throws org.dedup.domain.model.InvalidOptionException when the method needs a model no installed matcher has
     * @throws SpillFailedException                          when the spill files cannot be written or read
     */
    public SpilledSearchResult scan(TenantId tenant, ScanMethod method, SpillingBulkSearch spilling,
                                    Consumer<DuplicateGroup> each) {
        requireAvailable(method);
        if (method.usesModel() && linker().getValue().blocking().isEmpty()) {
            BulkSearchResult result = scan(tenant, method);
            result.groups().forEach(each);
            return new SpilledSearchResult(result.records(), result.pairsCompared(), result.allPairs(),
                    result.groups().size(), result.oversizedBlocks(), 0, result.elapsed());
        }
        List<DuplicateRule> scanRules = method.usesRules() ? rules(tenant) : List.of();
        Set<RecordPair> marks = notDuplicates.all(tenant);
        List<DuplicateGroup> previous = groups.groups(tenant);
        Consumer<GroupSource> store = found -> groups.replace(tenant, action -> found.forEach(group -> {
            action.accept(group);
            each.accept(group);
        }));
        return method.usesModel()
                ? spilling.run(recordSource(tenant), scanRules, linker().getKey().id(), linker().getValue(), marks,
                        previous, store)
                : spilling.run(action -> recordSource(tenant).forEach(record -> action.accept(record.profile())),
                        scanRules, marks, previous, store);
    }

    /** The tenant's records standardized one at a time as the repositories read them: leads, contacts, companies. */
    private RecordSource recordSource(TenantId tenant) {
        StandardizationOptions options = options(tenant);
        return action -> {
            leads.forEach(tenant, lead -> action.accept(new ScannedRecord.OfLead(standardizer.lead(lead, options))));
            contacts.forEach(tenant, contact -> action.accept(new ScannedRecord.OfParty(contact,
                    standardizer.contact(contact, options))));
            companies.forEach(tenant, company -> action.accept(new ScannedRecord.OfParty(company,
                    standardizer.company(company, options))));
        };
    }

    /**
     * Refuses a method this engine cannot scan by (a model's method with no model installed), before a scan starts.
     *
     * @throws org.dedup.domain.model.InvalidOptionException naming the method
     */
    public void requireAvailable(ScanMethod method) {
        if (method.usesModel()) {
            linker();
        }
    }

    /** The installed method whose model scans, found by its record linker, not by its name. */
    private Map.Entry<MatchMethod, RecordLinker> linker() {
        return linkers.entrySet().stream().findFirst().orElseThrow(() -> new InvalidOptionException("method",
                "big_data needs an installed method whose model loaded (as BIG DATA's), and there is none"));
    }

    /** What a bulk search with {@code candidateRules} would find, storing nothing. */
    public BulkSearchResult dryRun(TenantId tenant, List<DuplicateRule> candidateRules) {
        return bulkSearch.run(profiles(tenant), candidateRules, notDuplicates.all(tenant), groups.groups(tenant));
    }

    /**
     * Every pair of the stored {@code members} that one of the tenant's active bulk-search rules holds for, with
     * the rule's explanation; members no longer stored are left out.
     */
    public List<CandidatePair> explain(TenantId tenant, List<RecordRef> members) {
        List<DuplicateRule> inBulk = rules(tenant).stream().filter(r -> r.active() && r.useInBulk()).toList();
        StandardizationOptions options = options(tenant);
        List<RecordProfile> profiles = new ArrayList<>();
        leads.findAll(tenant, members.stream().filter(LeadId.class::isInstance).map(LeadId.class::cast).toList())
                .forEach(l -> profiles.add(standardizer.lead(l, options).all()));
        contacts.findAll(tenant, members.stream().filter(ContactId.class::isInstance).map(ContactId.class::cast)
                .toList()).forEach(c -> profiles.add(standardizer.contact(c, options)));
        companies.findAll(tenant, members.stream().filter(CompanyId.class::isInstance).map(CompanyId.class::cast)
                .toList()).forEach(c -> profiles.add(standardizer.company(c, options)));
        List<CandidatePair> pairs = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                RecordRef first = profiles.get(i).ref();
                evaluator.evaluate(profiles.get(i), profiles.get(j), inBulk)
                        .ifPresent(match -> pairs.add(new CandidatePair(first, match)));
            }
        }
        return pairs;
    }

    /** The groups the latest bulk search of the tenant found. */
    public List<DuplicateGroup> groups(TenantId tenant) {
        return groups.groups(tenant);
    }

    /**
     * A page of the latest groups in the order of their ids, those after {@code after} only, at most {@code limit};
     * a group keeps its id from one search to the next, so a page never repeats one.
     */
    public List<DuplicateGroup> groups(TenantId tenant, Optional<UUID> after, int limit) {
        Require.positive(limit, "page size");
        return groups.groups(tenant).stream().filter(g -> after.map(a -> g.id().compareTo(a) > 0).orElse(true))
                .sorted(Comparator.comparing(DuplicateGroup::id)).limit(limit).toList();
    }

    /**
     * Marks two stored records "not a duplicate": bulk search never groups them again, check on save never
     * reports them, duplicate control never merges them.
     *
     * @throws RecordNotFoundException when either record does not exist in the tenant
     */
    public void markNotDuplicate(TenantId tenant, RecordPair pair) {
        requireStored(tenant, pair.first());
        requireStored(tenant, pair.second());
        notDuplicates.mark(tenant, pair);
    }

    /**
     * Takes a "not a duplicate" mark back.
     *
     * @throws RecordNotFoundException when the pair is not marked
     */
    public void removeNotDuplicateMark(TenantId tenant, RecordPair pair) {
        if (!notDuplicates.unmark(tenant, pair)) {
            throw new RecordNotFoundException("the pair " + pair.first() + ", " + pair.second()
                    + " is not marked as not a duplicate in tenant " + tenant);
        }
    }

    /** A page of the tenant's marks, after {@code after} when given (see {@link NotDuplicateStore#page}). */
    public List<RecordPair> notDuplicateMarks(TenantId tenant, Optional<RecordPair> after, int limit) {
        Require.positive(limit, "limit");
        return notDuplicates.page(tenant, after, limit);
    }

    /** @throws RecordNotFoundException when {@code record} does not exist in the tenant */
    public void requireStored(TenantId tenant, RecordRef record) {
        boolean stored = switch (record) {
            case LeadId lead -> leads.find(tenant, lead).isPresent();
            case ContactId contact -> contacts.find(tenant, contact).isPresent();
            case CompanyId company -> companies.find(tenant, company).isPresent();
        };
        if (!stored) {
            throw new RecordNotFoundException(tenant, record);
        }
    }

    private List<RecordProfile> profiles(TenantId tenant) {
        return records(tenant).stream().map(ScannedRecord::profile).toList();
    }

    /** Every lead, contact and company of the tenant with its standardized profile, as a bulk search reads them. */
    public List<ScannedRecord> records(TenantId tenant) {
        List<ScannedRecord> records = new ArrayList<>();
        recordSource(tenant).forEach(records::add);
        return records;
    }

    private StandardizationOptions options(TenantId tenant) {
        return settings.settings(tenant).standardization();
    }
}
