package io.atelier.core.caption;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Applies one {@link CaptionEdit} to many captions: first a preview (nothing written), then the writes, each atomic
 * and checked against the version the preview read, and an undo that restores the exact bytes.
 */
public final class CaptionBatch {

    private CaptionBatch() {
    }

    /** What {@code edit} would change; the trigger word stays first in captions it leads. */
    public static BatchPreview preview(List<Path> images, CaptionEdit edit, String trigger) {
        List<CaptionChange> changes = new ArrayList<>();
        List<CaptionProblem> problems = new ArrayList<>();
        int unchanged = 0;
        for (Path image : images) {
            try {
                CaptionText before = CaptionFiles.read(image);
                Caption after = edit.apply(before.caption());
                if (before.caption().startsWithTrigger(trigger) || edit instanceof CaptionEdit.TriggerFirst) {
                    after = after.withTriggerFirst(trigger);
                }
                if (after.equals(before.caption())) {
                    unchanged++;
                } else {
                    changes.add(new CaptionChange(image, before, after));
                }
            } catch (IOException e) {
                problems.add(new CaptionProblem(CaptionFiles.captionFile(image), message(e)));
            }
        }
        return new BatchPreview(edit, changes, unchanged, problems);
    }

    /** Writes the previewed changes; a caption changed since the preview is left alone and reported. */
    public static BatchResult apply(BatchPreview preview, BooleanSupplier cancelled) {
        List<BatchUndo.Entry> undo = new ArrayList<>();
        List<CaptionProblem> conflicts = new ArrayList<>();
        int written = 0;
        for (CaptionChange change : preview.changes()) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                break;
            }
            try {
                byte[] before = change.before().exists() ? CaptionFiles.bytes(change.image()) : null;
                FileStamp after = CaptionFiles.write(change.image(), change.after(), change.before().stamp());
                undo.add(new BatchUndo.Entry(change.image(), before, after));
                written++;
            } catch (IOException e) {
                conflicts.add(new CaptionProblem(CaptionFiles.captionFile(change.image()), message(e)));
            }
        }
        return new BatchResult(written, conflicts, new BatchUndo(preview.edit().describe(), undo));
    }

    /**
     * Takes a batch back (or, given the undo of an undo, redoes it): every caption still as the batch left it gets
     * its earlier bytes back; one edited since is left alone and reported.
     */
    public static BatchResult undo(BatchUndo undo) {
        List<BatchUndo.Entry> redo = new ArrayList<>();
        List<CaptionProblem> conflicts = new ArrayList<>();
        int written = 0;
        for (BatchUndo.Entry entry : undo.entries()) {
            try {
                byte[] now = CaptionFiles.bytes(entry.image());
                FileStamp restored = CaptionFiles.restore(entry.image(), entry.restore(), entry.expected());
                redo.add(new BatchUndo.Entry(entry.image(), now, restored));
                written++;
            } catch (IOException e) {
                conflicts.add(new CaptionProblem(CaptionFiles.captionFile(entry.image()), message(e)));
            }
        }
        return new BatchResult(written, conflicts, new BatchUndo(undo.description(), redo));
    }

    private static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
