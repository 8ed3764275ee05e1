package org.dedup.app.config;

import org.dedup.domain.model.DedupException;

/** Invalid configuration; the message names the key. */
public class ConfigException extends DedupException {
    public ConfigException(String key, String problem) {
        super("invalid configuration: " + key + " " + problem);
    }
}
