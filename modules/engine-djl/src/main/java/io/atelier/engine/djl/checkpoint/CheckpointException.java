package io.atelier.engine.djl.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint that cannot be used by the built-in engine; the message names the file and what is wrong with it. */
public class CheckpointException extends IOException {

    private final transient Path file;

    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
