package org.dedup.bench.duke;

import java.io.IOException;

import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.DukeException;
import org.xml.sax.SAXException;

/** Loading Duke's XML configurations of this module, and the batch size Duke uses by default. */
final class DukeConfig {
    /** Records per batch, as Duke's {@code Processor.deduplicate()} and {@code link()} use by default. */
    static final int BATCH = 40_000;

    private DukeConfig() {
    }

    /** Loads a configuration ({@code classpath:duke/febrl.xml}, ...) with Duke's own loader. */
    static Configuration load(String location) {
        try {
            return ConfigLoader.load(location);
        } catch (IOException | SAXException e) {
            throw new DukeException("cannot load the Duke configuration " + location + ": " + e);
        }
    }
}
