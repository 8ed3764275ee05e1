package org.dedup.core;

import java.nio.file.Path;

import com.google.inject.AbstractModule;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;

/**
 * The BIG DATA model for a hosting application that scores or explains pairs itself ({@link MatchModel}), loaded
 * when the host makes the module; the module only binds it. The {@code big_data} matcher of duplicate control is
 * installed by {@link MatchersModule} and reads its model from {@code matchers.big_data.model}; give both the same
 * file.
 */
public final class BigDataModule extends AbstractModule {
    private final MatchModel model;

    private BigDataModule(MatchModel model) {
        this.model = model;
    }

    /** The model shipped with dedup. */
    public static BigDataModule shipped() {
        return new BigDataModule(MatchModel.of(ModelArtifact.bundled()));
    }

    /** A model file made by {@code dedup train}, loaded now: a file that cannot be loaded fails here. */
    public static BigDataModule from(Path modelFile) {
        return new BigDataModule(MatchModel.of(ModelArtifact.load(modelFile)));
    }

    @Override
    protected void configure() {
        bind(MatchModel.class).toInstance(model);
    }
}
