package io.atelier.tageditor.ui.editor;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.FileStamp;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.captions.CaptionWriter;
import io.atelier.tageditor.ui.captions.ConflictResolver;
import io.atelier.tageditor.ui.undo.CaptionHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns one edit of one caption into what the user sees and what lands on disk: the caption shows the edit at once,
 * the writer saves it in the background (atomically, checked against the version it was made on), and once it is
 * written it becomes one undo step. A caption another program changed meanwhile is never overwritten silently: the
 * user sees both versions and chooses. Event thread only.
 */
public final class CaptionEditing {

    private final CaptionIndex index;
    private final CaptionWriter writer;
    private final CaptionHistory history;
    private final ConflictResolver resolver;
    private final Consumer<String> failure;

    /** @param failure told, in words naming the file, when the disk refused a write */
    public CaptionEditing(CaptionIndex index, CaptionWriter writer, CaptionHistory history, ConflictResolver resolver,
            Consumer<String> failure) {
        this.index = index;
        this.writer = writer;
        this.history = history;
        this.resolver = resolver;
        this.failure = failure;
    }

    /** Shows {@code next} as {@code image}'s caption and saves it; {@code what} names the undo step. */
    public void edit(Path image, Caption next, String what) {
        if (!index.editable(image) || next.equals(index.caption(image))) {
            return;
        }
        FileStamp base = index.edited(image, next);
        writer.write(image, next, base, outcome -> arrived(outcome, what));
    }

    private void arrived(CaptionWriter.Outcome outcome, String what) {
        Path image = outcome.image();
        if (outcome instanceof CaptionWriter.Written w) {
            index.settled(image, w.now());
            history.record(what, w.undo());
        } else if (outcome instanceof CaptionWriter.Conflict c) {
            Caption mine = index.caption(image);
            index.settled(image, null);
            settle(c, mine, what);
        } else if (outcome instanceof CaptionWriter.Failed f) {
            index.settled(image, null);
            failure.accept(f.error().getMessage() != null ? f.error().getMessage() : image + ": " + f.error());
        } else {
            index.settled(image, null);   // skipped: an earlier edit of this chain met a conflict
        }
    }

    /** Both versions to the user; the choice starts a new chain of writes based on what is on disk now. */
    private void settle(CaptionWriter.Conflict c, Caption mine, String what) {
        ConflictResolver.Choice choice = resolver.resolve(c.image(), mine, c.theirs());
        if (choice == ConflictResolver.Choice.KEEP_MINE) {
            index.resolved(c.theirs(), mine);
            index.writing(List.of(c.image()));
            writer.write(c.image(), mine, c.theirs().stamp(), outcome -> arrived(outcome, what));
        } else {
            index.resolved(c.theirs(), c.theirs().caption());
        }
    }
}
