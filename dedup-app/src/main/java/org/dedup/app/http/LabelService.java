package org.dedup.app.http;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordStandardizer;
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
    private final Optional<TenantLabels> labels;
    private final Optional<LeadPersons> persons;
    private final DuplicateSearch search;
    private final Decisions decisions;

    /** The ports a tenant's merges, unmerges, marks and answers are read from. */
    record Decisions(MergeHistory merges, NotDuplicateStore notDuplicates, PairLabelStore answers,
                     RecordStandardizer standardizer, SettingsStore settings) {
        TenantDecisions of(LeadPersons persons) {
            return new TenantDecisions(merges, notDuplicates, standardizer, settings, persons);
        }
    }

    /**
     * What {@code train --tenant} learns from: the tenant's records a model of {@code persons}' schema compares, what
     * the tenant decided about them and its answers among them (see {@link #training}).
     */
    public record Training(List<PersonRecord> records, List<LabelledPair> decisions, List<LabelledPair> answers) {
        public Training {
            records = List.copyOf(records);
            decisions = List.copyOf(decisions);
            answers = List.copyOf(answers);
        }
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
            LabelService labelService(PairLabelStore store, DuplicateSearch search, MergeHistory merges,
                                      NotDuplicateStore notDuplicates, RecordStandardizer standardizer,
                                      SettingsStore settings, Clock clock) {
                Decisions decisions = new Decisions(merges, notDuplicates, store, standardizer, settings);
                try {
                    ModelArtifact artifact = BigDataMatcherProvider.configuredModel(bigData);
                    LeadPersons persons = LeadPersons.configured(artifact.metadata().recordSchema(), bigData);
                    return new LabelService(Optional.of(new TenantLabels(MatchModel.of(artifact), persons, store,
                            clock, ActiveLearner.DEFAULT_REFIT_EVERY)), Optional.of(persons), search, decisions);
                } catch (ModelFileException e) {
                    LOG.warn("labelling is unavailable: matchers.big_data.model {}", e.getMessage());
                    return new LabelService(Optional.empty(), Optional.empty(), search, decisions);
                }
            }
        };
    }

    Optional<TenantLabels.Next> next(TenantId tenant) {
        return labels().next(tenant, search::records, decisions.of(persons.orElseThrow())::pairs);
    }

    TenantLabels.Progress progress(TenantId tenant) {
        return labels().progress(tenant, search::records, decisions.of(persons.orElseThrow())::pairs);
    }

    /** Stores the answer; both records must be the tenant's. */
    void answer(TenantId tenant, RecordPair pair, PairAnswer answer) {
        TenantLabels tenantLabels = labels();
        search.requireStored(tenant, pair.first());
        search.requireStored(tenant, pair.second());
        tenantLabels.answer(tenant, pair, answer);
    }

    /**
     * What {@code train --tenant} learns for a model read by {@code persons} (the trained schema's, which need not be
     * the configured model's): the tenant's records of the kinds it compares, its decisions and answers among them.
     */
    public Training training(TenantId tenant, LeadPersons persons) {
        Map<RecordRef, PersonRecord> records = persons.records(search.records(tenant));
        return new Training(List.copyOf(records.values()), decisions.of(persons).pairs(tenant, records),
                TenantLabels.labelledPairs(decisions.answers().all(tenant), records));
    }

    private TenantLabels labels() {
        return labels.orElseThrow(() -> new HttpProblem(503, "labelling needs the BIG DATA model, and the "
                + "configured matchers.big_data.model cannot be loaded"));
    }
}
