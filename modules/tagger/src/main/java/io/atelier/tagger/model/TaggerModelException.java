package io.atelier.tagger.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model folder that cannot be used; the message starts with the offending file, then the problem. */
public class TaggerModelException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public TaggerModelException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public TaggerModelException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (or folder) at fault. */
    public Path file() {
        return file;
    }
}
