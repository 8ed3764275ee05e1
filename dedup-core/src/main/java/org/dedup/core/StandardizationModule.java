package org.dedup.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.Standardizer;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/** Binds the Standardizer port to the libphonenumber-based adapter. */
public final class StandardizationModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Standardizer.class).to(CreatioCompatibleStandardizer.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    RecordStandardizer recordStandardizer(Standardizer standardizer) {
        return new RecordStandardizer(standardizer);
    }
}
