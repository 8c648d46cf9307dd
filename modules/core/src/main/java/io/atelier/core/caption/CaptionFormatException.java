package io.atelier.core.caption;

import java.io.IOException;
import java.nio.file.Path;

/** A caption file that is not caption text: binary, or too large. The message names the file and the problem. */
public class CaptionFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public CaptionFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
