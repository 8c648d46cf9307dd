package io.atelier.tageditor.ui.undo;

import io.atelier.core.caption.BatchUndo;
import io.atelier.core.caption.CaptionProblem;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.captions.CaptionWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javax.swing.event.UndoableEditEvent;
import org.openide.awt.UndoRedo;

/**
 * The undo history of one Tag editor window, kept in the window's {@link UndoRedo.Manager} so Edit › Undo, Ctrl+Z
 * and Ctrl+Y work on it like anywhere in the IDE. Each chip edit, each batch and each auto-tag run is one step.
 * Event thread only; the restores run on the window's {@link CaptionWriter}.
 */
public final class CaptionHistory {

    private final UndoRedo.Manager manager;
    private final CaptionIndex index;
    private final CaptionWriter writer;
    private final BiConsumer<String, List<CaptionProblem>> report;

    /**
     * @param report told, with what was being done, about captions an undo or redo had to leave alone (changed by
     *               another program since)
     */
    public CaptionHistory(UndoRedo.Manager manager, CaptionIndex index, CaptionWriter writer,
            BiConsumer<String, List<CaptionProblem>> report) {
        this.manager = manager;
        this.index = index;
        this.writer = writer;
        this.report = report;
    }

    public UndoRedo.Manager manager() {
        return manager;
    }

    /** A step was done and written: {@code undo} takes it back. Nothing is recorded when it wrote nothing. */
    public void record(String name, BatchUndo undo) {
        if (undo.entries().isEmpty()) {
            return;
        }
        // through the event, which also tells the IDE's Undo and Redo actions to update
        manager.undoableEditHappened(new UndoableEditEvent(this, new CaptionUndoableEdit(name, undo, this::restore)));
    }

    private void restore(AtomicReference<BatchUndo> slot, Set<Path> images, String what) {
        index.writing(images);
        writer.restore(slot, images, applied -> {
            index.settledAll(images, applied.now());
            if (!applied.result().conflicts().isEmpty()) {
                report.accept(what, applied.result().conflicts());
            }
        });
    }
}
