package io.atelier.tageditor.ui.undo;

import io.atelier.core.caption.BatchUndo;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.undo.AbstractUndoableEdit;
import javax.swing.undo.CannotRedoException;
import javax.swing.undo.CannotUndoException;

/**
 * One step of the Tag editor's undo history: a chip edit, a batch or an auto-tag run, however many captions it
 * wrote. Undo puts back the exact bytes each caption had (or removes a caption that did not exist); redo writes the
 * edit's result again. Either leaves alone a caption that was changed since, and says so.
 * <p>
 * The work happens in the background in turn with the edits ({@link Restorer}); the slot always holds what takes the
 * last step back and is only touched there.
 */
public final class CaptionUndoableEdit extends AbstractUndoableEdit {

    private static final long serialVersionUID = 1L;

    /** Runs an undo or a redo: restores what the slot holds and puts in it what takes that back. */
    @FunctionalInterface
    public interface Restorer {
        void restore(AtomicReference<BatchUndo> slot, Set<Path> images, String what);
    }

    private final String name;
    private final transient Set<Path> images;
    private final transient AtomicReference<BatchUndo> slot;
    private final transient Restorer restorer;

    public CaptionUndoableEdit(String name, BatchUndo undo, Restorer restorer) {
        this.name = name;
        this.images = Set.copyOf(undo.entries().stream().map(BatchUndo.Entry::image).toList());
        this.slot = new AtomicReference<>(undo);
        this.restorer = restorer;
    }

    @Override
    public void undo() throws CannotUndoException {
        super.undo();
        restorer.restore(slot, images, getUndoPresentationName());
    }

    @Override
    public void redo() throws CannotRedoException {
        super.redo();
        restorer.restore(slot, images, getRedoPresentationName());
    }

    @Override
    public String getPresentationName() {
        return name;
    }

    /** The captions this step wrote. */
    public Set<Path> images() {
        return images;
    }
}
