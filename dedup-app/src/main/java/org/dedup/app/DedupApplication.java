package org.dedup.app;

import com.google.inject.Guice;
import com.google.inject.Injector;

import org.dedup.app.config.ConfigException;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.app.wiring.DedupCoreModule;
import org.dedup.app.wiring.JooqPersistenceModule;
import org.dedup.app.wiring.MatchersModule;
import org.dedup.app.wiring.StandardizationModule;
import org.dedup.app.http.ApiServices;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.party.Parties;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.persistence.Database;

/** dedup as the CLI and the server run it: the configured database, every module wired, tenants set up. */
public final class DedupApplication implements AutoCloseable {
    private final DedupConfig config;
    private final Database database;
    private final Injector injector;

    private DedupApplication(DedupConfig config) {
        this.config = config;
        this.database = Database.open(config.database().url(), config.database().user(),
                config.database().password(), config.database().poolSize());
        this.injector = Guice.createInjector(new DedupCoreModule(config.limits().leadLimits()),
                new StandardizationModule(), new JooqPersistenceModule(database.dataSource()),
                new MatchersModule(config.pluginsDir(), config.matchers()));
    }

    public static DedupApplication start(DedupConfig config) {
        DedupApplication application = new DedupApplication(config);
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

    public ApiServices apiServices() {
        return new ApiServices(get(DuplicateControl.class), get(DuplicateSearch.class), get(ManualMerge.class),
                get(Unmerger.class), get(LeadRepository.class), get(SettingsStore.class), get(Parties.class),
                get(TenantSettings.class), get(BulkScans.class));
    }

    public DedupConfig config() {
        return config;
    }

    @Override
    public void close() {
        database.close();
    }
}
