package io.atelier.core.basemodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that may be perfectly valid but is not a base model LoRA Atelier can register: a pickle checkpoint, a
 * directory, a LoRA, an SD 2.x checkpoint. The message always starts with the file and says what it is instead.
 */
public class UnsupportedModelFileException extends IOException {

    private final transient Path file;
    private final String problem;

    public UnsupportedModelFileException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file") + " " + Objects.requireNonNull(problem, "problem"));
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The message without the leading file, for a UI that shows the file elsewhere. */
    public String problem() {
        return problem;
    }
}
