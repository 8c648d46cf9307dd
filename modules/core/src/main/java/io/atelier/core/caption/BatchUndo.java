package io.atelier.core.caption;

import java.nio.file.Path;
import java.util.List;

/**
 * How to take a batch back: per caption the exact bytes to put back (null = there was no file) and the stamp the
 * batch left, so a caption edited since is not overwritten. Undoing yields another BatchUndo, which redoes.
 *
 * @param description what the batch did, for the undo menu
 * @param entries     one per caption the batch wrote
 */
public record BatchUndo(String description, List<Entry> entries) {

    public BatchUndo {
        entries = List.copyOf(entries);
    }

    /** One caption: what to restore, and what must be on disk for that to be safe. */
    public record Entry(Path image, byte[] restore, FileStamp expected) {
    }
}
