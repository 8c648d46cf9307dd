package io.atelier.core.io;

/**
 * Told after each file of a batch (import, prepare, quality check) is handled, whether it succeeded or not. Called
 * on the working thread, or on worker threads one call at a time; a UI hands it on to its progress bar.
 */
@FunctionalInterface
public interface FileProgress {

    FileProgress NONE = (done, total, item) -> {
    };

    /**
     * @param done  items handled so far, this one included
     * @param total items in the batch
     * @param item  the file (or {@code archive.zip!entry}) just handled
     */
    void fileDone(int done, int total, String item);
}
