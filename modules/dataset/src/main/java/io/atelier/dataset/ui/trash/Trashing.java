package io.atelier.dataset.ui.trash;

import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectTrash;
import io.atelier.core.project.TrashedFile;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.dataset.ui.work.FolderRefresh;
import io.atelier.dataset.ui.work.ProblemList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openide.awt.Notification;
import org.openide.awt.NotificationDisplayer;
import org.openide.awt.StatusDisplayer;
import org.openide.util.ImageUtilities;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Moves images (with their captions) to the project's {@code .trash/} and puts them back. Nothing is ever deleted:
 * after a move a notification offers Undo, and Restore from Trash brings back anything later.
 */
@Messages({
    "PROGRESS_Trash=Moving images to the trash",
    "PROGRESS_Restore=Restoring from the trash",
    "# {0} - number of images",
    "MSG_Trashed={0,choice,1#1 image|1<{0} images} moved to the trash",
    "MSG_TrashedDetails=Undo puts them back; Restore from Trash\u2026 brings back anything later.",
    "# {0} - number of files",
    "MSG_Restored={0,choice,1#1 file|1<{0} files} restored",
    "# {0} - number of files",
    "ERR_Restore={0,choice,1#1 file|1<{0} files} could not be restored:"
})
public final class Trashing {

    private static final String ICON = "io/atelier/dataset/ui/resources/image.png";
    private static Notification undoOffer;   // event thread only

    private Trashing() {
    }

    /** Moves {@code files}; {@code done} gets the trashed entries (or an empty list on failure) on the EDT. */
    public static void moveToTrash(RequestProcessor rp, ProjectLayout layout, List<Path> files,
            Consumer<List<TrashedFile>> done) {
        if (files.isEmpty()) {
            return;
        }
        BackgroundWork.start(rp, Bundle.PROGRESS_Trash(), progress -> {
            try {
                return new ProjectTrash(layout).moveToTrash(files);
            } finally {
                FolderRefresh.datasetChanged(layout);
            }
        }, trashed -> {
            offerUndo(rp, layout, trashed, files.size());
            done.accept(trashed);
        }, () -> done.accept(List.of()));
    }

    private static void offerUndo(RequestProcessor rp, ProjectLayout layout, List<TrashedFile> trashed, int images) {
        Notification previous = undoOffer;
        if (previous != null) {
            previous.clear();   // one Undo at a time: the newest removal is the one a user means
        }
        undoOffer = NotificationDisplayer.getDefault().notify(Bundle.MSG_Trashed(images),
                ImageUtilities.loadImageIcon(ICON, false), Bundle.MSG_TrashedDetails(),
                e -> restore(rp, layout, Restorable.of(trashed), restored -> { }));
        StatusDisplayer.getDefault().setStatusText(Bundle.MSG_Trashed(images));
    }

    /** After any restore the Undo offer may point at files that are back already: it goes. Event thread. */
    private static void withdrawUndo() {
        Notification offer = undoOffer;
        undoOffer = null;
        if (offer != null) {
            offer.clear();
        }
    }

    /**
     * Puts {@code entries} back, each image with its caption; files that cannot be restored are listed, the rest
     * come back. {@code done} gets where the files went, on the EDT.
     */
    public static void restore(RequestProcessor rp, ProjectLayout layout, List<Restorable> entries,
            Consumer<List<Path>> done) {
        BackgroundWork.start(rp, Bundle.PROGRESS_Restore(), progress -> {
            ProjectTrash trash = new ProjectTrash(layout);
            List<Path> restored = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int n = 0;
            try {
                for (Restorable r : entries) {
                    try {
                        restored.add(trash.restore(r.file()));
                    } catch (IOException e) {
                        problems.add(r.file().trashed().getFileName() + ": " + e.getMessage());
                    }
                    progress.step(++n, entries.size(), r.file().trashed().getFileName().toString());
                }
            } finally {
                FolderRefresh.datasetChanged(layout);
            }
            if (!problems.isEmpty()) {
                ProblemList.show(Bundle.ERR_Restore(problems.size()), problems);
            }
            StatusDisplayer.getDefault().setStatusText(Bundle.MSG_Restored(restored.size()));
            return restored;
        }, restored -> {
            withdrawUndo();
            done.accept(restored);
        }, () -> done.accept(List.of()));
    }
}
