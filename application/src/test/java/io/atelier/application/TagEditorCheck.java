package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.all;
import static io.atelier.application.GuiSmokeTest.button;
import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.Action;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.project.Project;
import org.netbeans.spi.project.ui.LogicalViewProvider;
import org.openide.filesystems.FileUtil;
import org.openide.nodes.Node;
import org.openide.util.ContextAwareAction;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The Tag editor as a user meets it, on the sample project: opened from the Captions node, a tag added in the tag
 * field and taken back with Edit › Undo (the file's exact bytes return), a suggestion accepted from the keyboard, a
 * caption changed by another program picked up, a batch edit (underscores to spaces) previewed, applied and undone as
 * one step, an auto-tag run with a small WD14-shaped ONNX model inside the module system (one undo step, model-made
 * tags marked), the statistics with the tagger's categories, a tag-expression filter (and a malformed one named), and
 * the screenshot {@code target/atelier-tags.png}.
 */
final class TagEditorCheck {

    /** The folder of a tiny WD14-shaped tagger model, written by {@link GuiSmokeSuiteTest}. */
    static final String MODEL_PROPERTY = "atelier.test.taggerModel";
    private static final String TITLE = "Tags \u2014 Sample: Geometric Style";

    private TagEditorCheck() {
    }

    static void run(Project project, Path folder) throws Exception {
        Path dataset = folder.resolve("dataset");
        Node root = onEdt(() -> project.getLookup().lookup(LogicalViewProvider.class).createLogicalView());
        Node captionsNode = onEdt(() -> Stream.of(root.getChildren().getNodes(true))
                .filter(n -> "Captions".equals(n.getName())).findFirst().orElseThrow());
        onEdt(() -> {
            Action open = captionsNode.getPreferredAction();
            Assertions.assertNotNull(open, "the Captions node has no default action");
            Assertions.assertEquals("Edit Tags", open.getValue(Action.NAME));
            ((ContextAwareAction) open).createContextAwareInstance(captionsNode.getLookup())
                    .actionPerformed(new ActionEvent(captionsNode, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
        AtomicReference<TopComponent> window = new AtomicReference<>();
        waitFor("the Tag editor opens", () -> {
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                if (TITLE.equals(tc.getName())) {
                    window.set(tc);
                }
            }
            return window.get() != null && window.get().isShowing();
        });
        TopComponent tags = window.get();
        JList<?> grid = onEdt(() -> named(tags, JList.class, "tagImageGrid"));
        JTextField field = onEdt(() -> named(tags, JTextField.class, "tagField"));
        JLabel status = onEdt(() -> named(tags, JLabel.class, "tagStatus"));
        waitFor("the images are listed with the trigger word", () -> grid.getModel().getSize() == 13
                && named(tags, JLabel.class, "tagTriggerWord").getText().contains("geomstyle"));

        // a tag typed into the field is saved at once; Edit > Undo puts the file's exact bytes back
        Path first = dataset.resolve("01.png");
        Path firstCaption = dataset.resolve("01.txt");
        byte[] original = Files.readAllBytes(firstCaption);
        select(grid, "01.png");
        waitFor("the editor shows 01.png", () -> named(tags, JLabel.class, "captionTitle").getText()
                .startsWith("01.png"));
        type(field, "blue sky");
        onEdt(() -> {
            field.postActionEvent();
            return null;
        });
        // read on the event thread, in the wait: the chips are rebuilt there after each write
        waitFor("the new tag is written, the trigger word still the first chip",
                () -> read(firstCaption).endsWith(", blue sky\n") && chip(tags, "blue sky") != null
                        && !chipTags(tags).isEmpty() && "geomstyle".equals(chipTags(tags).get(0)));
        undo(tags);
        waitFor("Undo puts back the exact caption", () -> Arrays.equals(original, Files.readAllBytes(firstCaption))
                && chip(tags, "blue sky") == null);

        // a suggestion from the dataset, picked with the keyboard
        String suggested = tagOfAnotherImage(dataset, first);
        type(field, suggested.substring(1, Math.min(suggested.length(), 5)));
        waitFor("suggestions are offered", () -> popupList(tags) != null && popupList(tags).getModel().getSize() > 0);
        onEdt(() -> {
            JList<?> list = popupList(tags);
            for (int i = 0; i < list.getModel().getSize(); i++) {
                if (list.getModel().getElementAt(i).toString().contains("tag=" + suggested + ",")) {
                    list.setSelectedIndex(i);
                }
            }
            Assertions.assertFalse(list.isSelectionEmpty(), "\"" + suggested + "\" is not suggested");
            field.postActionEvent();
            return null;
        });
        waitFor("the accepted suggestion is written", () -> read(firstCaption).contains(", " + suggested));
        undo(tags);
        waitFor("and undone", () -> Arrays.equals(original, Files.readAllBytes(firstCaption)));

        // another program changes a caption: the editor picks it up
        Path third = dataset.resolve("03.txt");
        byte[] external = "geomstyle, no_humans, abstract, blue_sky, lens_flare\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(third, external);
        FileUtil.refreshFor(dataset.toFile());
        comeBack(tags);
        JTable table = onEdt(() -> named(tags, JTable.class, "tagStatistics"));
        waitFor("the caption changed elsewhere is read again", () -> column(table, 0).contains("lens_flare"));

        // batch: underscores to spaces over all images, previewed, applied, one undo step
        SwingUtilities.invokeLater(() -> button(tags, "Batch Edit\u2026").doClick());
        java.awt.Dialog batch = waitForDialog("Batch Edit Captions");
        onEdt(() -> {
            JComboBox<?> op = named(batch, JComboBox.class, "batchOperation");
            for (int i = 0; i < op.getItemCount(); i++) {
                if (op.getItemAt(i).toString().startsWith("Replace underscores")) {
                    op.setSelectedIndex(i);
                }
            }
            named(batch, javax.swing.JRadioButton.class, "batchScopeALL").doClick();
            return null;
        });
        waitFor("the preview counts one caption", () -> text(named(batch, JEditorPane.class, "batchPreview"))
                .contains("1 caption changes") && named(batch, javax.swing.JButton.class, "batchApply").isEnabled());
        shoot(batch, "atelier-tags-batch.png");
        onEdt(() -> {
            named(batch, javax.swing.JButton.class, "batchApply").doClick();
            return null;
        });
        waitFor("the batch is written", () -> "geomstyle, no humans, abstract, blue sky, lens flare\n".equals(read(third))
                && status.getText().contains("Replace underscores with spaces: 1 caption written"));
        undo(tags);
        waitFor("Undo takes the batch back exactly", () -> Arrays.equals(external, Files.readAllBytes(third)));
        redo(tags);
        waitFor("Redo applies it again", () -> read(third).equals("geomstyle, no humans, abstract, blue sky, lens flare\n"));

        // auto-tag with a tiny WD14-shaped model: ONNX Runtime inside the module system, one undo step
        Path model = Path.of(System.getProperty(MODEL_PROPERTY));
        Map<Path, byte[]> before = captions(dataset);
        SwingUtilities.invokeLater(() -> button(tags, "Auto-tag\u2026").doClick());
        java.awt.Dialog autoTag = waitForDialog("Auto-tag");
        onEdt(() -> {
            named(autoTag, JTextField.class, "autoTagModelFolder").setText(model.toString());
            return null;
        });
        waitFor("the model folder is accepted", () -> named(autoTag, javax.swing.JButton.class, "autoTagStart")
                .isEnabled());
        shoot(autoTag, "atelier-tags-autotag.png");
        onEdt(() -> {
            named(autoTag, javax.swing.JButton.class, "autoTagStart").doClick();
            return null;
        });
        waitFor("every image is tagged on the CPU", () -> status.getText().contains("Auto-tagged 13 images")
                && status.getText().contains("CPU") && read(firstCaption).contains("hatsune miku"));
        Assertions.assertTrue(read(firstCaption).startsWith("geomstyle, "), read(firstCaption));
        undo(tags);
        waitFor("Undo puts every caption back as it was", () -> captionsEqual(before, captions(dataset)));
        redo(tags);
        waitFor("Redo tags them again", () -> read(firstCaption).contains("hatsune miku"));
        select(grid, "01.png");
        waitFor("the model's tags are marked on their chips", () -> chip(tags, "hatsune miku") != null
                && chip(tags, "hatsune miku").getToolTipText().contains("Written by the tagger wd-test-tagger"));
        waitFor("the statistics know the tagger's categories", () -> categoryOf(table, "hatsune miku")
                .equals("character"));

        // keyboard: Delete on a focused chip removes it, Ctrl+Right moves one; Page Down goes to the next image
        focusChip(tags, "solo");
        press(chip(tags, "solo"), KeyEvent.VK_DELETE, 0);   // found again: the focused chip itself
        waitFor("Delete removed the chip's tag", () -> !read(firstCaption).contains("solo")
                && chip(tags, "solo") == null);
        undo(tags);
        waitFor("and Undo brought it back", () -> read(firstCaption).contains(", solo") && chip(tags, "solo") != null);
        String beforeMove = read(firstCaption);
        focusChip(tags, "abstract");
        press(chip(tags, "abstract"), KeyEvent.VK_RIGHT, KeyEvent.CTRL_DOWN_MASK);
        waitFor("Ctrl+Right moved the tag one place", () -> !read(firstCaption).equals(beforeMove)
                && read(firstCaption).indexOf("abstract") > beforeMove.indexOf("abstract"));
        undo(tags);
        waitFor("and Undo put it back", () -> read(firstCaption).equals(beforeMove));
        type(field, "");
        press(field, KeyEvent.VK_PAGE_DOWN, 0);
        waitFor("Page Down shows the next image", () -> named(tags, JLabel.class, "captionTitle").getText()
                .startsWith("02.png"));

        // the filter: a malformed expression is named, a valid one narrows the list
        onEdt(() -> {
            named(tags, JTextField.class, "tagFilter").setText("blue sky AND (");
            named(tags, JTextField.class, "tagFilter").postActionEvent();
            return null;
        });
        waitFor("the malformed filter is named", () -> named(tags, JLabel.class, "tagFilterError").isVisible()
                && named(tags, JLabel.class, "tagFilterError").getText().contains("missing"));
        onEdt(() -> {
            named(tags, JTextField.class, "tagFilter").setText("\"blue sky\" OR \"no humans\" AND NOT solo");
            named(tags, JTextField.class, "tagFilter").postActionEvent();
            return null;
        });
        waitFor("the filter shows the one image with blue sky", () -> grid.getModel().getSize() == 1
                && !named(tags, JLabel.class, "tagFilterError").isVisible());
        onEdt(() -> {
            named(tags, JTextField.class, "tagFilter").setText("hatsune miku AND NOT triangles");
            named(tags, JTextField.class, "tagFilter").postActionEvent();
            return null;
        });
        waitFor("the filter narrows the list", () -> grid.getModel().getSize() > 0 && grid.getModel().getSize() < 13
                && status.getText().contains("showing " + grid.getModel().getSize()));

        screenshot(tags, grid);
    }

    /** The window as the README shows it: a filtered list, an auto-tagged image with its chips. */
    private static void screenshot(TopComponent tags, JList<?> grid) throws Exception {
        onEdt(() -> {
            Frame main = WindowManager.getDefault().getMainWindow();
            main.setBounds(main.getGraphicsConfiguration().getBounds());
            main.validate();
            tags.requestActive();
            all(tags, JTabbedPane.class).get(0).setSelectedIndex(0);
            grid.setSelectedIndex(0);
            return null;
        });
        waitFor("the editor shows the selected image", () -> all(tags, JComponent.class).stream()
                .anyMatch(c -> c.getName() != null && c.getName().startsWith("chip:")));
        focus(named(tags, JTextField.class, "tagField"));
        Thread.sleep(2000);
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-tags.png"));
        onEdt(() -> {
            all(tags, JTabbedPane.class).get(0).setSelectedIndex(1);
            return null;
        });
        Thread.sleep(500);
        shoot(tags, "atelier-tags-statistics.png");
        onEdt(() -> {
            all(tags, JTabbedPane.class).get(0).setSelectedIndex(0);
            return null;
        });
    }

    // ------------------------------------------------------------------ helpers

    /** A screenshot of one window or component as it is on screen, for looking at the dialogs. */
    private static void shoot(Component c, String name) throws Exception {
        Thread.sleep(300);
        java.awt.Rectangle r = onEdt(() -> new java.awt.Rectangle(c.getLocationOnScreen(), c.getSize()));
        File file = new File(System.getProperty("atelier.screenshot.dir", "target"), name);
        javax.imageio.ImageIO.write(new java.awt.Robot().createScreenCapture(r), "png", file);
    }

    /** The user switches to another window and back, as after editing a caption in another program. */
    private static void comeBack(TopComponent tags) throws Exception {
        onEdt(() -> {
            WindowManager.getDefault().findTopComponent("LibraryTopComponent").requestActive();
            tags.requestActive();
            return null;
        });
    }

    private static void undo(TopComponent tags) throws Exception {
        editAction(tags, "org.openide.actions.UndoAction");
    }

    private static void redo(TopComponent tags) throws Exception {
        editAction(tags, "org.openide.actions.RedoAction");
    }

    /** Runs Edit > Undo or Redo as the menu does: on the active window's undo history. */
    private static void editAction(TopComponent tags, String id) throws Exception {
        Action action = org.openide.awt.Actions.forID("Edit", id);
        Assertions.assertNotNull(action, id + " is not registered");
        onEdt(() -> {
            tags.requestActive();
            return null;
        });
        waitFor(id + " is enabled", () -> TopComponent.getRegistry().getActivated() == tags && action.isEnabled());
        onEdt(() -> {
            action.actionPerformed(new ActionEvent(tags, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
    }

    /** A key pressed on a component, through Swing's key bindings as a real key press would go. */
    private static void press(Component target, int key, int modifiers) throws Exception {
        onEdt(() -> {
            target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers,
                    key, KeyEvent.CHAR_UNDEFINED));
            return null;
        });
    }

    /** Gives {@code c} the keyboard focus (the main window first: under Xvfb no window manager does it). */
    private static void focus(Component c) throws Exception {
        onEdt(() -> {
            WindowManager.getDefault().getMainWindow().toFront();
            c.requestFocus();
            return null;
        });
        waitFor(c.getName() + " has the focus", c::isFocusOwner);
    }

    /**
     * Gives the chip of {@code tag} the keyboard focus, asking again while the chips are rebuilt (an edit or an undo
     * that just landed replaces them).
     */
    private static void focusChip(TopComponent tags, String tag) throws Exception {
        waitFor("the chip " + tag + " has the focus", () -> {
            JComponent c = chip(tags, tag);
            if (c != null && c.isFocusOwner()) {
                return true;
            }
            if (c != null) {
                WindowManager.getDefault().getMainWindow().toFront();
                c.requestFocus();
            }
            return false;
        });
    }

    /** Types into the field as a user would: it has the keyboard focus first (suggestions show only then). */
    private static void type(JTextField field, String text) throws Exception {
        focus(field);
        onEdt(() -> {
            field.setText(text);
            return null;
        });
    }

    private static void select(JList<?> grid, String name) throws Exception {
        onEdt(() -> {
            for (int i = 0; i < grid.getModel().getSize(); i++) {
                if (grid.getModel().getElementAt(i).toString().contains("/" + name + ",")) {
                    grid.setSelectedIndex(i);
                    return null;
                }
            }
            throw new AssertionError("no " + name + " in the list");
        });
    }

    private static JComponent chip(Container root, String tag) {
        return all(root, JComponent.class).stream().filter(c -> ("chip:" + tag).equals(c.getName())).findFirst()
                .orElse(null);
    }

    private static List<String> chipTags(Container root) {
        List<String> out = new ArrayList<>();
        for (JComponent c : all(root, JComponent.class)) {
            if (c.getName() != null && c.getName().startsWith("chip:")) {
                out.add(c.getName().substring(5));
            }
        }
        return out;
    }

    /** The suggestion list, while its popup is showing. */
    private static JList<?> popupList(TopComponent tags) {
        for (java.awt.Window w : java.awt.Window.getWindows()) {
            for (JList<?> l : all(w, JList.class)) {
                if ("tagSuggestions".equals(l.getName()) && l.isShowing()) {
                    return l;
                }
            }
        }
        return null;
    }

    /** A tag some other image has that {@code image} does not, so it is offered as a suggestion. */
    private static String tagOfAnotherImage(Path dataset, Path image) throws Exception {
        List<String> own = List.of(read(dataset.resolve(image.getFileName().toString().replace(".png", ".txt")))
                .strip().split(",\\s*"));
        try (Stream<Path> files = Files.list(dataset)) {
            for (Path txt : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String tag : read(txt).strip().split(",\\s*")) {
                    if (!own.contains(tag) && tag.length() > 5) {
                        return tag;
                    }
                }
            }
        }
        throw new AssertionError("every caption has the same tags");
    }

    private static Map<Path, byte[]> captions(Path dataset) throws Exception {
        Map<Path, byte[]> m = new HashMap<>();
        try (Stream<Path> files = Files.list(dataset)) {
            for (Path txt : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                m.put(txt, Files.readAllBytes(txt));
            }
        }
        return m;
    }

    private static boolean captionsEqual(Map<Path, byte[]> a, Map<Path, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static List<String> column(JTable table, int column) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < table.getRowCount(); row++) {
            out.add(String.valueOf(table.getValueAt(row, column)));
        }
        return out;
    }

    private static String categoryOf(JTable table, String tag) {
        for (int row = 0; row < table.getRowCount(); row++) {
            if (tag.equals(table.getValueAt(row, 0))) {
                return String.valueOf(table.getValueAt(row, 3));
            }
        }
        return "";
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

    private static <T extends Component> T named(Container root, Class<T> type, String name) {
        return all(root, type).stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    private static String text(JEditorPane pane) {
        try {
            return pane.getDocument().getText(0, pane.getDocument().getLength()).replaceAll("\\s+", " ");
        } catch (javax.swing.text.BadLocationException e) {
            throw new AssertionError(e);
        }
    }
}
