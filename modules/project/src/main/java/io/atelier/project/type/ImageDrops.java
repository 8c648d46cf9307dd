package io.atelier.project.type;

import io.atelier.project.api.DatasetDropHandler;
import io.atelier.project.api.DroppedFiles;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.netbeans.api.project.Project;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.datatransfer.PasteType;

/**
 * Files dropped from the desktop onto a project's nodes go into its dataset, through the {@link DatasetDropHandler}
 * the dataset module registers; without one the nodes refuse file drops.
 */
@Messages("LBL_ImportDropped=Import into the dataset")
final class ImageDrops {

    private ImageDrops() {
    }

    /** What dropping {@code t} on a node of {@code project} does, or null when it is not a file drop. */
    static PasteType pasteType(Project project, Transferable t) {
        DatasetDropHandler handler = Lookup.getDefault().lookup(DatasetDropHandler.class);
        if (handler == null || !DroppedFiles.offered(t)) {
            return null;
        }
        return new PasteType() {
            @Override
            public String getName() {
                return Bundle.LBL_ImportDropped();
            }

            @Override
            public Transferable paste() throws IOException {
                List<Path> files;
                try {
                    files = DroppedFiles.read(t);
                } catch (UnsupportedFlavorException e) {
                    throw new IOException("the dropped items are not files: " + e.getMessage(), e);
                }
                if (!files.isEmpty()) {
                    handler.importFiles(project, files);
                }
                return null;
            }
        };
    }
}
