package io.atelier.dataset.ui.importing;

import io.atelier.dataset.ui.work.ProblemList;
import io.atelier.project.api.DroppedFiles;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.TransferHandler;
import org.openide.util.NbBundle.Messages;

/**
 * Accepts files and folders dragged from the desktop onto the Dataset window, or pasted into it, and hands them to the
 * import.
 */
@Messages({
    "# {0} - reason",
    "ERR_Drop=The dropped files cannot be read: {0}"
})
public final class FileDropHandler extends TransferHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FileDropHandler.class.getName());

    private final transient Consumer<List<Path>> importer;

    public FileDropHandler(Consumer<List<Path>> importer) {
        this.importer = importer;
    }

    /** Files dropped, or pasted (Ctrl+V after copying them in a file manager). */
    @Override
    public boolean canImport(TransferSupport support) {
        boolean files = support.isDataFlavorSupported(java.awt.datatransfer.DataFlavor.javaFileListFlavor)
                || support.isDataFlavorSupported(DroppedFiles.URI_LIST);
        if (files && support.isDrop()) {
            if ((support.getSourceDropActions() & COPY) != 0) {
                support.setDropAction(COPY);   // an import copies; the files on the desktop stay where they are
            }
            // the drop goes to the dataset, not next to a cell: the grid must not suggest a position or select cells
            support.setShowDropLocation(false);
        }
        return files;
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        try {
            List<Path> files = DroppedFiles.read(support.getTransferable());
            if (files.isEmpty()) {
                return false;
            }
            importer.accept(files);
            return true;
        } catch (UnsupportedFlavorException | IOException e) {
            LOG.log(Level.INFO, "cannot read the dropped files", e);
            ProblemList.showMessage(Bundle.ERR_Drop(e.getMessage()));
            return false;
        }
    }
}
