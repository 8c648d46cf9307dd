package io.atelier.gallery.grid;

import io.atelier.core.gallery.BestEpochExport;
import io.atelier.core.gallery.ContactSheet;
import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.params.Params;
import io.atelier.runner.gallery.RunGallery;
import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JFileChooser;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.StatusDisplayer;
import org.openide.util.RequestProcessor;

/** The gallery's two exports, the best epoch's LoRA file and the grid's contact sheet, both written off the EDT. */
final class GalleryExports {

    private static final Logger LOG = Logger.getLogger(GalleryExports.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Gallery exports", 1);
    private static File lastFolder;

    private GalleryExports() {
    }

    /** Asks for a folder and copies the picked epoch's LoRA there under the run's output name. */
    static void bestEpoch(Component parent, RunGallery gallery, int epoch) {
        Path checkpoint = gallery.checkpoints().get(epoch);
        if (checkpoint == null) {
            tell("The run saved no LoRA file for " + GridContent.rowLabel(epoch) + " (it saved epochs "
                    + gallery.checkpoints().keySet() + ").", NotifyDescriptor.WARNING_MESSAGE);
            return;
        }
        JFileChooser chooser = new JFileChooser(lastFolder);
        chooser.setDialogTitle("Export " + GridContent.rowLabel(epoch) + " to folder");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showDialog(parent, "Export") != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path folder = chooser.getSelectedFile().toPath();
        lastFolder = chooser.getSelectedFile();
        String outputName = gallery.spec().config().getString(Params.OUTPUT_NAME);
        background("Exporting " + checkpoint.getFileName(), () -> {
            Path written = BestEpochExport.export(checkpoint, folder, outputName);
            return "Exported " + GridContent.rowLabel(epoch) + " as " + written;
        }, parent);
    }

    /** Asks for a PNG file and writes the grid as a contact sheet, best epoch starred. */
    static void contactSheet(Component parent, String title, EpochGrid grid, Integer bestEpoch) {
        JFileChooser chooser = new JFileChooser(lastFolder);
        chooser.setDialogTitle("Export contact sheet");
        chooser.setFileFilter(new FileNameExtensionFilter("PNG image", "png"));
        chooser.setSelectedFile(new File(lastFolder, title.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png"));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File f = chooser.getSelectedFile();
        lastFolder = f.getParentFile();
        Path target = f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? f.toPath()
                : f.toPath().resolveSibling(f.getName() + ".png");
        ContactSheet.Section section = ContactSheet.section(title, grid, bestEpoch);
        background("Writing contact sheet " + target.getFileName(), () -> {
            ContactSheet.write(target, List.of(section), 192);
            return "Contact sheet written: " + target;
        }, parent);
    }

    interface Work {
        String run() throws IOException;
    }

    private static void background(String what, Work work, Component parent) {
        RP.post(() -> {
            ProgressHandle p = ProgressHandle.createHandle(what);
            p.start();
            try {
                String done = work.run();
                LOG.log(Level.INFO, done);
                StatusDisplayer.getDefault().setStatusText(done);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, "{0} failed: {1}", new Object[]{what, e.getMessage()});
                tell(what + " failed: " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE);
            } finally {
                p.finish();
            }
        });
    }

    static void tell(String message, int type) {
        Consumer<String> show = m -> DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(m, type));
        if (SwingUtilities.isEventDispatchThread()) {
            show.accept(message);
        } else {
            SwingUtilities.invokeLater(() -> show.accept(message));
        }
    }
}
