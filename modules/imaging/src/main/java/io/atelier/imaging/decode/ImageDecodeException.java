package io.atelier.imaging.decode;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that cannot be used; the message always starts with the file path so a UI or CLI can show it as is. */
public class ImageDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ImageDecodeException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public ImageDecodeException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
