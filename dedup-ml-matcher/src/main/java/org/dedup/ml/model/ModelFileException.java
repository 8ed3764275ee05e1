package org.dedup.ml.model;

import org.dedup.domain.model.DedupException;

/**
 * A model file that cannot be read, is not a model, breaks a limit of {@link ModelLimits}, or was made for another
 * feature schema. The message names the file; {@link #problem()} says what is wrong without naming it, for answers
 * and health reports that must not show the server's paths.
 */
public class ModelFileException extends DedupException {
    private final String problem;

    public ModelFileException(String source, String problem) {
        super(source + ": " + problem);
        this.problem = problem;
    }

    public ModelFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong with the file, without the file's name or path. */
    public String problem() {
        return problem;
    }
}
