package io.atelier.core.basemodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that is not a well-formed safetensors file. The message always starts with the file, so it can be shown to
 * the user as is, even from a batch of files.
 */
public class SafetensorsFormatException extends IOException {

    private final transient Path file;
    private final String problem;

    public SafetensorsFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public SafetensorsFormatException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The message without the file, for a UI that shows the file elsewhere. */
    public String problem() {
        return problem;
    }
}
