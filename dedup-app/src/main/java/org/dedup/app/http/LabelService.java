package org.dedup.app.http;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.matcher.BigDataMatcherProvider;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.matcher.TenantLabels;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelFileException;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.training.TenantDecisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labelling a tenant's pairs for its BIG DATA model (the configured {@code matchers.big_data} model): the next pair
 * from the tenant's records, its merges, unmerges and marks learnt as labels, answers stored as the tenant's labels.
 * Unavailable (503) when the configured model cannot be loaded.
 */
public final class LabelService {
    private static final Logger LOG = LoggerFactory.getLogger(LabelService.class);
    private static final int MAX_TENANT_MERGES = 100_000;
    private final Optional<TenantLabels> labels;
    private final Optional<LeadPersons> persons;
    private final DuplicateSearch search;
    private final Decisions decisions;

    /** The ports a tenant's merges, unmerges and marks are read from. */
    record Decisions(MergeJournal journal, NotDuplicateStore notDuplicates, LeadRepository leads,
                     RecordStandardizer standardizer, SettingsStore settings) {
    }

    LabelService(Optional<TenantLabels> labels, Optional<LeadPersons> persons, DuplicateSearch search,
                 Decisions decisions) {
        this.labels = labels;
        this.persons = persons;
        this.search = search;
        this.decisions = decisions;
    }

    /** The bindings of labelling, over the model of the {@code matchers.big_data} section {@code bigData}. */
    public static Module module(MatcherConfig bigData) {
        return new AbstractModule() {
            @Provides
            @Singleton
            LabelService labelService(PairLabelStore store, DuplicateSearch search, MergeJournal journal,
                                      NotDuplicateStore notDuplicates, LeadRepository leads,
                                      RecordStandardizer standardizer, SettingsStore settings, Clock clock) {
                Decisions decisions = new Decisions(journal, notDuplicates, leads, standardizer, settings);
                try {
                    ModelArtifact artifact = BigDataMatcherProvider.configuredModel(bigData);
                    LeadPersons persons = LeadPersons.configured(artifact.metadata().recordSchema(), bigData);
                    return new LabelService(Optional.of(new TenantLabels(MatchModel.of(artifact), persons, store,
                            notDuplicates, clock, ActiveLearner.DEFAULT_REFIT_EVERY)), Optional.of(persons), search,
                            decisions);
                } catch (ModelFileException e) {
                    LOG.warn("labelling is unavailable: matchers.big_data.model {}", e.getMessage());
                    return new LabelService(Optional.empty(), Optional.empty(), search, decisions);
                }
            }
        };
    }

    Optional<TenantLabels.Next> next(TenantId tenant) {
        return labels().next(tenant, search::records, this::decisions);
    }

    TenantLabels.Progress progress(TenantId tenant) {
        return labels().progress(tenant, search::records, this::decisions);
    }

    /** Stores the answer; both records must be the tenant's. */
    void answer(TenantId tenant, RecordPair pair, PairAnswer answer) {
        TenantLabels tenantLabels = labels();
        search.requireStored(tenant, pair.first());
        search.requireStored(tenant, pair.second());
        tenantLabels.answer(tenant, pair, answer);
    }

    /** The tenant's stored answers as labelled pairs, for {@code train --tenant}. */
    public List<LabelledPair> labelledPairs(TenantId tenant) {
        return labels().labelledPairs(tenant, search.records(tenant));
    }

    /** The tenant's records a labelling session chooses among, for {@code train --tenant}'s label correction. */
    public List<PersonRecord> records(TenantId tenant) {
        return labels().records(search.records(tenant));
    }

    private List<LabelledPair> decisions(TenantId tenant) {
        var standardization = decisions.settings().settings(tenant).standardization();
        return new TenantDecisions(decisions.journal(), decisions.notDuplicates(), decisions.leads(),
                lead -> decisions.standardizer().lead(lead, standardization), persons.orElseThrow())
                .pairs(tenant, MAX_TENANT_MERGES);
    }

    private TenantLabels labels() {
        return labels.orElseThrow(() -> new HttpProblem(503, "labelling needs the BIG DATA model, and the "
                + "configured matchers.big_data.model cannot be loaded"));
    }
}
