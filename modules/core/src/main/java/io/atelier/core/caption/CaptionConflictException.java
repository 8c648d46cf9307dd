package io.atelier.core.caption;

import java.io.IOException;
import java.nio.file.Path;

/** The caption file changed on disk since it was read (another tool wrote it); nothing was written. */
public class CaptionConflictException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String current;

    public CaptionConflictException(Path file, String current) {
        super(file + " was changed by another program since it was read; not overwritten");
        this.file = file;
        this.current = current;
    }

    public Path file() {
        return file;
    }

    /** The text now on disk ("" when the file was removed). */
    public String current() {
        return current;
    }
}
