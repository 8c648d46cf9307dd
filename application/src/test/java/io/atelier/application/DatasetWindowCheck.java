package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.all;
import static io.atelier.application.GuiSmokeTest.button;
import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import java.awt.Color;
import java.awt.Frame;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.dnd.DnDConstants;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.Action;
import javax.swing.JComboBox;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.project.Project;
import org.netbeans.spi.project.ui.LogicalViewProvider;
import org.openide.nodes.Node;
import org.openide.util.ContextAwareAction;
import org.openide.util.datatransfer.PasteType;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The Dataset window as a user meets it, on the sample project (12 generated images): opened from the project's
 * Dataset node, a photo dropped on the project node imported, thumbnails loaded, a selection, the Low-res filter
 * (which runs the quality check), the bucket overlay, one image moved to the trash and restored, the screenshot
 * {@code target/atelier-dataset.png}, a finding kept, Prepare and Undo Prepare.
 */
final class DatasetWindowCheck {

    private static final String TITLE = "Dataset \u2014 Sample: Geometric Style";

    private DatasetWindowCheck() {
    }

    static void run(Project project, Path folder) throws Exception {
        Node root = onEdt(() -> project.getLookup().lookup(LogicalViewProvider.class).createLogicalView());
        Node datasetNode = onEdt(() -> Stream.of(root.getChildren().getNodes(true))
                .filter(n -> "Dataset".equals(n.getName())).findFirst().orElseThrow());

        // the Dataset node's default action (double-click) opens the window
        onEdt(() -> {
            Action open = datasetNode.getPreferredAction();
            Assertions.assertNotNull(open, "the Dataset node has no default action");
            Assertions.assertEquals("Open Dataset", open.getValue(Action.NAME));
            ((ContextAwareAction) open).createContextAwareInstance(datasetNode.getLookup())
                    .actionPerformed(new ActionEvent(datasetNode, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
        AtomicReference<TopComponent> window = new AtomicReference<>();
        waitFor("the Dataset window opens", () -> {
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                if (TITLE.equals(tc.getName())) {
                    window.set(tc);
                }
            }
            return window.get() != null && window.get().isShowing();
        });
        TopComponent dataset = window.get();
        JList<?> grid = onEdt(() -> named(dataset, JList.class, "datasetGrid"));
        JLabel status = onEdt(() -> named(dataset, JLabel.class, "datasetStatus"));
        waitFor("the grid lists the 12 sample images", () -> grid.getModel().getSize() == 12);

        // a low-resolution, soft photo dropped from the desktop on the project node is imported
        Path photo = folder.resolveSibling("dropped-photo.png");
        writeSoftGradient(photo, 640, 480);
        PasteType paste = onEdt(() -> root.getDropType(files(photo), DnDConstants.ACTION_COPY, -1));
        Assertions.assertNotNull(paste, "the project node refuses a file drop");
        onEdt(() -> paste.paste());
        waitFor("the dropped photo is imported and selected", () -> grid.getModel().getSize() == 13
                && grid.getSelectedValue() != null && grid.getSelectedValue().toString().contains("dropped-photo.png"));
        Assertions.assertTrue(Files.isRegularFile(folder.resolve("dataset/.originals/dropped-photo.png")));

        waitFor("thumbnails arrive for the visible cells", () -> {
            Object loaded = grid.getClientProperty("atelier.thumbnailsLoaded");
            int visible = grid.getLastVisibleIndex() - grid.getFirstVisibleIndex() + 1;
            return loaded instanceof Integer n && visible > 0 && n >= visible;
        });

        onEdt(() -> {
            grid.setSelectedIndices(new int[]{1, 2, 3});
            return null;
        });
        waitFor("the status counts the selection", () -> status.getText().contains("13 images")
                && status.getText().contains("3 selected"));

        // choosing a finding filter runs the quality check first; only the dropped photo is low-res
        JComboBox<?> filter = onEdt(() -> named(dataset, JComboBox.class, "datasetFilter"));
        select(filter, "Low-res");
        waitFor("the Low-res filter shows the dropped photo only", () -> status.getText().contains("showing 1 (Low-res)")
                && grid.getModel().getSize() == 1 && grid.getModel().getElementAt(0).toString().contains("dropped-photo"));
        select(filter, "All images");
        waitFor("All shows every image again", () -> grid.getModel().getSize() == 13);

        // the bucket overlay plans the buckets and lists the images per bucket
        JToggleButton overlay = onEdt(() -> named(dataset, JToggleButton.class, "bucketOverlay"));
        onEdt(() -> {
            overlay.doClick();
            return null;
        });
        waitFor("the Buckets tab lists the images per bucket", () -> all(dataset, JEditorPane.class).stream()
                .anyMatch(p -> text(p).contains("Images per bucket") && text(p).contains("1024\u00d71024")));

        // Delete moves the selected image (with its caption) to the trash; Restore from Trash brings it back
        Path first = folder.resolve("dataset/01.png");
        onEdt(() -> {
            grid.setSelectedIndex(rowOf(grid, "01.png"));
            grid.getActionMap().get("trash").actionPerformed(new ActionEvent(grid, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
        waitFor("01.png and its caption are in the trash", () -> grid.getModel().getSize() == 12
                && !Files.exists(first) && !Files.exists(folder.resolve("dataset/01.txt")));
        SwingUtilities.invokeLater(() -> button(dataset, "Restore from Trash\u2026").doClick());
        java.awt.Dialog restore = waitForDialog("Restore from Trash");
        onEdt(() -> {
            button(restore, "Restore").doClick();
            return null;
        });
        waitFor("01.png is back with its caption", () -> grid.getModel().getSize() == 13 && Files.isRegularFile(first)
                && Files.isRegularFile(folder.resolve("dataset/01.txt")));

        screenshot(dataset, grid);

        // Keep dismisses a finding of the selected image and remembers it in the project
        onEdt(() -> {
            button(dataset, "Keep").doClick();
            return null;
        });
        waitFor("the kept finding is remembered", () -> status.getText().contains("(1 kept)")
                && Files.isRegularFile(folder.resolve(".atelier/kept-findings.json")));

        // Prepare renames every image to 01.png ... 13.png at 1024 px; Undo Prepare brings the originals back
        int loadedBefore = onEdt(() -> loaded(grid));
        SwingUtilities.invokeLater(() -> button(dataset, "Prepare\u2026").doClick());
        java.awt.Dialog prepare = waitForDialog("Prepare Dataset");
        onEdt(() -> {
            button(prepare, "Prepare").doClick();
            return null;
        });
        waitFor("Prepare renamed the dropped photo to 13.png", () -> Files.isRegularFile(folder.resolve("dataset/13.png"))
                && !Files.exists(folder.resolve("dataset/dropped-photo.png")) && grid.getModel().getSize() == 13
                && button(dataset, "Undo Prepare").isEnabled());
        // the prepared files are new images: let their thumbnails arrive before Undo Prepare moves them away
        waitFor("the prepared images' thumbnails and the preview arrive", () -> loaded(grid)
                >= loadedBefore + grid.getLastVisibleIndex() - grid.getFirstVisibleIndex() + 1
                && all(dataset, JLabel.class).stream().noneMatch(l -> "loading\u2026".equals(l.getText())));
        onEdt(() -> {
            button(dataset, "Undo Prepare").doClick();
            return null;
        });
        waitFor("Undo Prepare brought the dropped photo back", () -> Files.isRegularFile(photoIn(folder))
                && !Files.exists(folder.resolve("dataset/13.png")) && grid.getModel().getSize() == 13);
    }

    /** Thumbnails the grid has been given so far. */
    private static int loaded(JList<?> grid) {
        return grid.getClientProperty("atelier.thumbnailsLoaded") instanceof Integer n ? n : 0;
    }

    private static Path photoIn(Path folder) {
        return folder.resolve("dataset/dropped-photo.png");
    }

    private static java.awt.Dialog waitForDialog(String titleStart) throws Exception {
        AtomicReference<java.awt.Dialog> dialog = new AtomicReference<>();
        waitFor("the " + titleStart + " dialog opens", () -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof java.awt.Dialog d && d.isShowing() && d.getTitle().startsWith(titleStart)) {
                    dialog.set(d);
                }
            }
            return dialog.get() != null;
        });
        return dialog.get();
    }

    /** The window as the README shows it: several images selected, the overlay on, the preview loaded. */
    private static void screenshot(TopComponent dataset, JList<?> grid) throws Exception {
        onEdt(() -> {
            Frame main = WindowManager.getDefault().getMainWindow();
            main.setBounds(main.getGraphicsConfiguration().getBounds());
            main.validate();
            dataset.requestActive();
            all(dataset, javax.swing.JTabbedPane.class).get(0).setSelectedIndex(0);   // the Image tab
            int lead = rowOf(grid, "dropped-photo.png");
            grid.setSelectedIndices(new int[]{rowOf(grid, "11.png"), rowOf(grid, "12.png"), lead});
            grid.getSelectionModel().setLeadSelectionIndex(lead);
            grid.ensureIndexIsVisible(lead);
            grid.requestFocusInWindow();
            return null;
        });
        Thread.sleep(2500);
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-dataset.png"));
    }

    private static int rowOf(JList<?> grid, String name) {
        for (int i = 0; i < grid.getModel().getSize(); i++) {
            if (grid.getModel().getElementAt(i).toString().contains("/" + name + ",")) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " in the grid");
    }

    private static void select(JComboBox<?> combo, String label) throws Exception {
        onEdt(() -> {
            for (int i = 0; i < combo.getItemCount(); i++) {
                if (label.equals(String.valueOf(combo.getItemAt(i)))) {
                    combo.setSelectedIndex(i);
                    return null;
                }
            }
            throw new AssertionError("no filter " + label);
        });
    }

    private static <T extends java.awt.Component> T named(java.awt.Container root, Class<T> type, String name) {
        return all(root, type).stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    private static String text(JEditorPane pane) {
        try {
            return pane.getDocument().getText(0, pane.getDocument().getLength());
        } catch (javax.swing.text.BadLocationException e) {
            throw new AssertionError(e);
        }
    }

    /** What a desktop file manager offers when files are dragged from it. */
    private static Transferable files(Path... paths) {
        List<File> list = Stream.of(paths).map(Path::toFile).toList();
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[]{DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return list;
            }
        };
    }

    /** A smooth gradient: below the 1024 px target and with no edges, so low-res and blurry. */
    private static void writeSoftGradient(Path file, int w, int h) throws java.io.IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xE8, 0xB4, 0x8C), w, h, new Color(0x4A, 0x6F, 0xA5)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
