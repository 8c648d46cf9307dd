package io.atelier.core.safetensors;

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
        this(file, problem, Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"),
                cause);
    }

    private SafetensorsFormatException(Path file, String problem, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The refusal of a pickle-based file, worded exactly as {@link PickleFormats#refusal} words it. */
    public static SafetensorsFormatException pickle(Path file) {
        return new SafetensorsFormatException(file, PickleFormats.problem(file), PickleFormats.refusal(file), null);
    }

    public Path file() {
        return file;
    }

    /** The message without the file, for a UI that shows the file elsewhere. */
    public String problem() {
        return problem;
    }
}
