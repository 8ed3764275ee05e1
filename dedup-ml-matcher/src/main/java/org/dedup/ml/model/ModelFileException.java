package org.dedup.ml.model;

import org.dedup.domain.model.DedupException;

/** A model file that cannot be read, is not a model, or was made for another feature schema. */
public class ModelFileException extends DedupException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
