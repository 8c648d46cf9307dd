package io.atelier.core.project;

import java.io.IOException;
import java.nio.file.Path;

/** An {@code atelier.json} that is missing, unreadable, malformed or from a newer version. */
public class ProjectDescriptorException extends IOException {

    private final Path file;

    public ProjectDescriptorException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ProjectDescriptorException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The descriptor file the problem is in. */
    public Path file() {
        return file;
    }
}
