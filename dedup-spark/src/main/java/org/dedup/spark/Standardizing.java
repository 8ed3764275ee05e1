package org.dedup.spark;

import java.io.Serializable;

import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/**
 * The tenant's standardization choices as shipped to the executors, where each partition builds the standardizer
 * the single-node search uses ({@link CreatioCompatibleStandardizer} behind {@link RecordStandardizer}).
 */
public final class Standardizing implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String defaultRegion;
    private final EmailFolding emailFolding;

    public Standardizing(StandardizationOptions options) {
        this.defaultRegion = options.defaultRegion();
        this.emailFolding = options.emailFolding();
    }

    StandardizationOptions options() {
        return new StandardizationOptions(defaultRegion, emailFolding);
    }

    static RecordStandardizer standardizer() {
        return new RecordStandardizer(new CreatioCompatibleStandardizer());
    }
}
