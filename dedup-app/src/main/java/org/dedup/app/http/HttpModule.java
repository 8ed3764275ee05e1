package org.dedup.app.http;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.core.arrivals.ArrivalQueue;
import org.dedup.core.arrivals.Rehearsal;
import org.dedup.app.config.HttpConfig;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;

/**
 * The HTTP API's own parts for one configuration, in a child injector of the application's: the configuration, the
 * JSON codec, the arrival queue and the metrics, one each per API; the resources are constructed by Guice from
 * them and the application's services ({@link HttpParts}).
 */
public final class HttpModule extends AbstractModule {
    private final HttpConfig config;

    public HttpModule(HttpConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(HttpConfig.class).toInstance(config);
        bind(JsonBodies.class).in(Singleton.class);
    }

    /** Its worker threads start here, and end when the API closes it. */
    @Provides
    @Singleton
    ArrivalQueue arrivals(DuplicateControl control, Rehearsal warmUp) {
        return new ArrivalQueue(control, config.arrivalWorkers(), config.maxArrivalBatch(),
                Duration.of(config.arrivalLingerMicros(), ChronoUnit.MICROS), warmUp);
    }

    /** The warm-up's arrivals, decided the whole way and rolled back. */
    @Provides
    @Singleton
    Rehearsal warmUp(Transactor transactor) {
        return new Rehearsal(WarmUp.TENANT, transactor);
    }

    @Provides
    @Singleton
    ApiMetrics metrics(ArrivalQueue arrivals, Database database) {
        return new ApiMetrics(arrivals, database.pool());
    }
}
