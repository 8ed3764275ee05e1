package org.dedup.spark;

import java.io.Serializable;

import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.BigDataMatcherProvider;

/**
 * A record linker as shipped to the executors: its method's name only; each executor JVM loads the linker once (the
 * shipped BIG DATA model, as {@code dedup scan --method big_data} loads it) and every task there uses it.
 */
public final class ShippedLinker implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String method;

    private ShippedLinker(String method) {
        this.method = method;
    }

    /** The BIG DATA method with the model dedup ships. */
    public static ShippedLinker bigData() {
        return new ShippedLinker("big_data");
    }

    public String method() {
        return method;
    }

    RecordLinker linker() {
        return Loaded.BIG_DATA;
    }

    /** Loaded on first use in each JVM. */
    private static final class Loaded {
        static final RecordLinker BIG_DATA = new BigDataMatcherProvider().create(MatcherConfig.empty("big_data"))
                .recordLinker().orElseThrow(() -> new InvalidOptionException("method",
                        "big_data needs the shipped model, and it does not load"));
    }
}
