package io.atelier.imaging.prepare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.report.FileProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The record of a Prepare, in {@code dataset/.prepare/journal.json}: the plan before anything is touched, the phase
 * it reached, and afterwards what became of every image. It is what makes Prepare resumable (a killed run continues
 * from its phase), idempotent (the same options on a prepared dataset do nothing) and undoable (each image's
 * original is named). Written atomically at every phase change. {@code problems} keeps what the run reported (left
 * out images and notes), for whoever looks at the folder later.
 */
record PrepareJournal(int version, State state, int longSide, OutputFormat format, List<Item> items,
                      List<FileProblem> problems) {

    static final int VERSION = 1;

    /** Phases in order; a journal left in a phase before DONE (or UNDONE) is resumed. */
    enum State {
        /** Writing resized copies into {@code .prepare/staging/}; the dataset is untouched. */
        RENDERING,
        /** Moving the old images and captions out of {@code dataset/} into {@code .prepare/replaced/}. */
        SWAPPING_OUT,
        /** Moving the prepared images in under their new names, captions beside them. */
        SWAPPING_IN,
        DONE,
        /** Moving the prepared images and captions out into {@code .prepare/undo/}. */
        UNDOING_OUT,
        /** Copying the originals back and their captions beside them. */
        UNDOING_IN,
        UNDONE;

        boolean preparing() {
            return this == RENDERING || this == SWAPPING_OUT || this == SWAPPING_IN;
        }

        boolean undoing() {
            return this == UNDOING_OUT || this == UNDOING_IN;
        }
    }

    /**
     * One image.
     *
     * @param index      position in the plan; names its files in {@code .prepare/}
     * @param source     file name in {@code dataset/} before Prepare
     * @param sourceHash SHA-256 of the source
     * @param caption    name of the {@code .txt} caption beside the source, or null
     * @param original   file name in {@code dataset/.originals/} the image is made from
     * @param reuse      the source is already this image prepared with these options: moved, not re-rendered
     * @param target     file name after Prepare; null until the rendering succeeded
     * @param targetHash SHA-256 of the prepared file; set when DONE
     * @param width      width after Prepare
     * @param height     height after Prepare
     * @param scale      resize factor from the original
     * @param restore    whether Undo brings this image back (its prepared file was still there)
     */
    record Item(int index, String source, String sourceHash, String caption, String original, boolean reuse,
                String target, String targetHash, int width, int height, double scale, boolean restore) {

        Item rendered(String newTarget, int w, int h, double s) {
            return new Item(index, source, sourceHash, caption, original, reuse, newTarget, targetHash, w, h, s,
                    restore);
        }

        Item hashed(String hash) {
            return new Item(index, source, sourceHash, caption, original, reuse, target, hash, width, height, scale,
                    restore);
        }

        Item restoring(boolean flag) {
            return new Item(index, source, sourceHash, caption, original, reuse, target, targetHash, width, height,
                    scale, flag);
        }

        String targetCaption() {
            return target.substring(0, target.lastIndexOf('.')) + ".txt";
        }

        String sourceExtension() {
            return source.substring(source.lastIndexOf('.') + 1);
        }

        PreparedImage prepared() {
            return new PreparedImage(source, original, target, width, height, scale);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    PrepareJournal {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    PrepareOptions options() {
        return new PrepareOptions(longSide, format);
    }

    PrepareJournal in(State next) {
        return new PrepareJournal(version, next, longSide, format, items, problems);
    }

    PrepareJournal withItems(List<Item> next) {
        return new PrepareJournal(version, state, longSide, format, next, problems);
    }

    PrepareJournal mapItems(UnaryOperator<Item> f) {
        return withItems(items.stream().map(f).toList());
    }

    /** {@code dataset/.prepare/}: hidden, so listings of the dataset never see it. */
    static Path folder(ProjectLayout layout) {
        return layout.dataset().resolve(".prepare");
    }

    static Path file(ProjectLayout layout) {
        return folder(layout).resolve("journal.json");
    }

    static Optional<PrepareJournal> read(ProjectLayout layout) throws IOException {
        Path file = file(layout);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        PrepareJournal journal;
        try {
            journal = JSON.readValue(file.toFile(), PrepareJournal.class);
        } catch (JacksonException e) {
            throw new IOException(file + " is damaged (" + e.getOriginalMessage()
                    + "); move it away to start Prepare afresh", e);
        }
        if (journal.version() > VERSION) {
            throw new IOException(file + " was written by a newer LoRA Atelier (journal version "
                    + journal.version() + ")");
        }
        if (journal.state() == null || journal.format() == null) {
            throw new IOException(file + " is damaged (no state or format)");
        }
        return Optional.of(journal);
    }

    void write(ProjectLayout layout) throws IOException {
        AtomicFiles.write(file(layout), JSON.writeValueAsBytes(this));
    }
}
