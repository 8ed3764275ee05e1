package org.dedup.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.app.config.ConfigException;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.app.http.ApiServices;
import org.dedup.app.http.HttpModule;
import org.dedup.app.http.HttpParts;
import org.dedup.app.http.LabelService;
import org.dedup.app.schedule.ScanScheduler;
import org.dedup.app.schedule.ScanSchedules;
import org.dedup.app.webhook.HttpWebhookSender;
import org.dedup.app.webhook.WebhookDispatcher;
import org.dedup.core.DedupCoreModule;
import org.dedup.core.JooqPersistenceModule;
import org.dedup.core.MatchersModule;
import org.dedup.core.StandardizationModule;
import org.dedup.core.index.LeadIndexer;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventDelivery;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.Transactor;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.persistence.Database;
import org.dedup.persistence.JooqAdapters;

/** dedup as the CLI and the server run it: the configured database, every module wired, tenants set up. */
public final class DedupApplication implements AutoCloseable {
    /** How often a server looks for a reindex job that came due, when none was. */
    private static final long REINDEX_POLL_MILLIS = 1_000;
    private final DedupConfig config;
    private final Database database;
    private final Injector injector;
    private final ScanSchedules schedules;
    /** How to stop what {@link #startBackgroundWork} started (a server's only), last first. */
    private final List<Runnable> stops = new ArrayList<>();

    private DedupApplication(DedupConfig config, List<Module> more) {
        this.config = config;
        this.database = Database.open(config.database().url(), config.database().user(),
                config.database().password(), config.database().poolSize(), config.database().dedupSchema());
        database.migrate();
        List<Module> modules = new ArrayList<>(List.of(new DedupCoreModule(config.limits().leadLimits(),
                        config.schedules().scanLease()),
                new StandardizationModule(),
                new JooqPersistenceModule(database.dataSource(), database.dialect(), database.schema()),
                MatchersModule.discover(config.pluginsDir(), config.matchers()), schedulesModule(database),
                LabelService.module(new MatcherConfig("big_data", config.matchers().getOrDefault("big_data",
                        Map.of())))));
        modules.addAll(more);
        this.injector = Guice.createInjector(modules);
        this.schedules = get(ScanSchedules.class);
    }

    private static Module schedulesModule(Database database) {
        return new AbstractModule() {
            @Provides
            @Singleton
            ScanSchedules schedules(JooqAdapters adapters, BulkScans scans, Transactor transactor, KeyLocks locks,
                                    Clock clock) {
                return new ScanSchedules(adapters.transactionBound(), database.schema(), scans, transactor, locks,
                        clock);
            }
        };
    }

    public static DedupApplication start(DedupConfig config) {
        return start(config, List.of());
    }

    /** The application with {@code more} bindings in its injector (what a command line asks it to build). */
    public static DedupApplication start(DedupConfig config, List<Module> more) {
        DedupApplication application = new DedupApplication(config, more);
        TenantSettings settings = application.get(TenantSettings.class);
        for (TenantConfig tenant : config.tenants()) {
            try {
                settings.atStart(tenant.tenantId(), tenant.settings(), tenant.source());
            } catch (InvalidRecordException e) {
                application.close();
                throw new ConfigException("tenants[" + tenant.id() + "]", e.getMessage());
            }
        }
        return application;
    }

    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /**
     * What the HTTP API is built from: for its configuration, its resources and parts constructed by this
     * application's injector (a child injector with this database and the {@link HttpModule}).
     */
    public ApiServices apiServices() {
        return config -> injector.createChildInjector(binder -> binder.bind(Database.class).toInstance(database),
                new HttpModule(config)).getInstance(HttpParts.class);
    }

    /** The tenants' scan schedules (setting them needs no running scheduler). */
    public ScanSchedules schedules() {
        return schedules;
    }

    /**
     * Starts what a server runs besides answering requests: the scheduled scans that come due, the delivery of the
     * outbox to the tenants' webhooks and the reindex of the leads for the methods tenants enable. {@link #close}
     * stops them.
     */
    public synchronized void startBackgroundWork() {
        if (!stops.isEmpty()) {
            return;
        }
        ScanScheduler scheduler = new ScanScheduler(database.dataSource(), schedules, config.schedules());
        scheduler.start();
        stops.add(scheduler::close);
        Clock clock = get(Clock.class);
        WebhookDispatcher dispatcher = new WebhookDispatcher(new EventDelivery(get(EventDeliveries.class),
                new HttpWebhookSender(config.webhooks(), clock), config.webhooks().retryPolicy(), clock),
                config.tenants().stream().map(TenantConfig::tenantId).toList(), config.webhooks().pollIntervalMillis());
        dispatcher.start();
        stops.add(dispatcher::close);
        LeadIndexer indexer = new LeadIndexer(get(LeadIndexing.class), REINDEX_POLL_MILLIS, config.reindex().pace());
        indexer.start();
        stops.add(indexer::close);
    }

    public DedupConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        stops.reversed().forEach(Runnable::run);
        stops.clear();
        injector.getInstance(MatcherRegistry.class).close();
        database.close();
    }
}
