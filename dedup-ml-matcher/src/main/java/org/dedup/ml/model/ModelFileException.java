package org.dedup.ml.model;

/** A model file that cannot be read, is not a model, or was made for another feature schema. */
public class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
