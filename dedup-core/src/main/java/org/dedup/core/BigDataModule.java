package org.dedup.core;

import java.nio.file.Path;
import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;

/**
 * The BIG DATA model for a hosting application that scores or explains pairs itself ({@link MatchModel}). The
 * {@code big_data} matcher of duplicate control is installed by {@link MatchersModule} and reads its model from
 * {@code matchers.big_data.model}; give both the same file.
 */
public final class BigDataModule extends AbstractModule {
    private final Optional<Path> model;

    private BigDataModule(Optional<Path> model) {
        this.model = model;
    }

    /** The model shipped with dedup. */
    public static BigDataModule shipped() {
        return new BigDataModule(Optional.empty());
    }

    /** A model file made by {@code dedup train}. */
    public static BigDataModule from(Path modelFile) {
        return new BigDataModule(Optional.of(modelFile));
    }

    @Provides
    @Singleton
    MatchModel matchModel() {
        return MatchModel.of(model.map(ModelArtifact::load).orElseGet(ModelArtifact::bundled));
    }
}
