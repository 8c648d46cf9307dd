package io.atelier.application;

import io.atelier.core.sample.SampleProject;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import junit.framework.Test;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.project.Project;
import org.netbeans.api.project.ProjectManager;
import org.netbeans.api.project.ui.OpenProjects;
import org.netbeans.junit.NbTestCase;
import org.openide.filesystems.FileUtil;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Starts the real application window under a display, opens a generated sample project and the LoRA Library,
 * checks FlatLaf is the look and feel, and saves a screenshot to {@code target/atelier-gui.png}.
 */
public class GuiSmokeTest extends NbTestCase {

    public GuiSmokeTest(String name) {
        super(name);
    }

    public static Test suite() {
        return NbSuites.appSuite(GuiSmokeTest.class, true);
    }

    public void testMainWindowWithLibraryAndProject() throws Exception {
        Assertions.assertTrue(UIManager.getLookAndFeel().getClass().getName().startsWith("com.formdev.flatlaf.FlatLight"),
                "look and feel is " + UIManager.getLookAndFeel().getClass().getName());

        Path projects = Path.of(System.getProperty("atelier.home")).resolveSibling("projects");
        TopComponent library = openWindow("LibraryTopComponent");
        JTable table = find(library, JTable.class);

        // a project that was in the library and whose folder was then deleted must show as Missing, quietly
        Path gone = projects.resolve("old-experiment");
        io.atelier.core.project.ProjectFolders.create(gone, io.atelier.core.project.LoraProject.create(
                "Old Experiment", "oldexp", io.atelier.core.project.LoraKind.CHARACTER,
                io.atelier.core.basemodel.BaseModelFamily.PONY));
        Project old = ProjectManager.getDefault().findProject(FileUtil.toFileObject(gone.toFile()));
        OpenProjects.getDefault().open(new Project[]{old}, false);
        OpenProjects.getDefault().openProjects().get();
        waitFor("opening a project registers it in the library", () -> table.getRowCount() == 1);
        OpenProjects.getDefault().close(new Project[]{old});
        deleteTree(gone);
        FileUtil.refreshFor(projects.toFile());

        SampleProject.create(projects.resolve("geometric-style"), 12, "geomstyle");
        Project project = ProjectManager.getDefault().findProject(
                FileUtil.toFileObject(projects.resolve("geometric-style").toFile()));
        Assertions.assertNotNull(project, "the sample folder is not recognised as a LoRA project");
        OpenProjects.getDefault().open(new Project[]{project}, false, true);
        OpenProjects.getDefault().openProjects().get();

        waitFor("the library lists the sample project and the missing one", () -> table.getRowCount() == 2
                && "Old Experiment".equals(table.getValueAt(0, 0)) && "Missing".equals(table.getValueAt(0, 10))
                && "Sample: Geometric Style".equals(table.getValueAt(1, 0)) && Integer.valueOf(12).equals(table.getValueAt(1, 4)));

        TopComponent projectsTab = openWindow("projectTabLogical_tc");
        waitFor("the Projects window shows the project's sections", () -> {
            JTree tree = find(projectsTab, JTree.class);
            if (tree == null || tree.getRowCount() < 1) {
                return false;
            }
            for (int row = 0; row < tree.getRowCount() && row < 3; row++) {
                tree.expandRow(row);
            }
            return tree.getRowCount() >= 7 && tree.getPathForRow(1).getLastPathComponent().toString().contains("Dataset");
        });
        onEdt(() -> {
            // the first-start welcome page may have opened on the empty store; show what the test arranged
            TopComponent welcome = WindowManager.getDefault().findTopComponent("WelcomeTopComponent");
            if (welcome != null && welcome.isOpened()) {
                welcome.close();
            }
            projectsTab.requestVisible();
            library.requestActive();
            // no window manager under Xvfb to maximise: fill the screen so the screenshot shows a full window
            Frame main = WindowManager.getDefault().getMainWindow();
            main.setBounds(main.getGraphicsConfiguration().getBounds());
            main.validate();
            return null;
        });
        Thread.sleep(800);
        saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"), "atelier-gui.png"));

        createProjectWithTheWizard(projects, table);

        // the base-model registry window lists what the store holds
        Path checkpoint = projects.resolve("tiny-sdxl.safetensors");
        writeTinySdxlCheckpoint(checkpoint);
        try (io.atelier.store.Store store = io.atelier.store.Store.open(io.atelier.store.StoreLocation.resolve(
                System.getProperty("atelier.home")))) {
            store.baseModels().add(new io.atelier.core.basemodel.BaseModelInspector().inspect(checkpoint, null, null,
                    io.atelier.core.basemodel.FileHasher.Progress.NONE, () -> false));
        }
        TopComponent baseModels = openWindow("BaseModelsTopComponent");
        JTable models = find(baseModels, JTable.class);
        waitFor("the Base Models window lists the checkpoint", () -> models.getRowCount() == 1
                && "tiny-sdxl".equals(models.getValueAt(0, 0)) && "SDXL".equals(models.getValueAt(0, 1)));

        DatasetWindowCheck.run(project, projects.resolve("geometric-style"));
        TagEditorCheck.run(project, projects.resolve("geometric-style"));
        ConfigWindowCheck.run(project, projects.resolve("geometric-style"));
        RunsWindowCheck.run(project, projects.resolve("geometric-style"));
        GalleryWindowCheck.run(project, projects.resolve("geometric-style"));
        TrainingOptionsCheck.run();
        CompareWindowCheck.run(projects.resolve("geometric-style"));
        LoraInspectorCheck.run(projects);
    }

    /**
     * Drives File > New LoRA Project as a user would: a trigger word the sample project already uses keeps
     * Finish disabled with the reason shown; a unique one creates, registers and opens the project.
     */
    private static void createProjectWithTheWizard(Path projects, JTable library) throws Exception {
        javax.swing.Action newProject = org.openide.awt.Actions.forID("File",
                "io.atelier.project.wizard.NewLoraProjectAction");
        Assertions.assertNotNull(newProject, "New LoRA Project action is not registered");
        SwingUtilities.invokeLater(() -> newProject.actionPerformed(
                new java.awt.event.ActionEvent(library, java.awt.event.ActionEvent.ACTION_PERFORMED, "")));
        AtomicReference<java.awt.Dialog> dialog = new AtomicReference<>();
        waitFor("the wizard dialog opens", () -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof java.awt.Dialog d && d.isShowing() && all(d, javax.swing.JLabel.class).stream()
                        .anyMatch(l -> "Project name:".equals(l.getText()))) {
                    dialog.set(d);
                }
            }
            return dialog.get() != null;
        });
        java.awt.Dialog d = dialog.get();
        onEdt(() -> {
            field(d, "Project name:").setText("Glass Shards");
            field(d, "Project location:").setText(projects.toString());
            field(d, "Trigger word:").setText("GEOMSTYLE");
            return null;
        });
        waitFor("Finish is disabled for a trigger word the sample project uses", () -> !button(d, "Finish").isEnabled()
                && textShown(d, "already used by \"Sample: Geometric Style\""));
        onEdt(() -> {
            field(d, "Trigger word:").setText("GLSHS");
            return null;
        });
        waitFor("Finish is enabled for a unique trigger word", () -> button(d, "Finish").isEnabled());
        onEdt(() -> {
            button(d, "Finish").doClick();
            return null;
        });
        Path created = projects.resolve("glass-shards");
        waitFor("the project is created, registered and listed", () -> java.nio.file.Files.isRegularFile(
                created.resolve("atelier.json")) && library.getRowCount() == 3);
        waitFor("the project is open in the Projects window", () -> java.util.Arrays.stream(
                OpenProjects.getDefault().getOpenProjects()).anyMatch(p -> FileUtil.toFile(p.getProjectDirectory())
                .toPath().equals(created)));
    }

    private static javax.swing.JTextField field(Container root, String labelText) {
        for (javax.swing.JLabel label : all(root, javax.swing.JLabel.class)) {
            if (labelText.equals(label.getText()) && label.getLabelFor() instanceof javax.swing.JTextField f) {
                return f;
            }
        }
        throw new AssertionError("no field labelled " + labelText);
    }

    static javax.swing.JButton button(Container root, String text) {
        return all(root, javax.swing.JButton.class).stream().filter(b -> text.equals(b.getText()) && b.isShowing())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** Whether some label or text pane shows the fragment (as displayed text, not HTML source). */
    private static boolean textShown(Container root, String fragment) {
        return all(root, javax.swing.text.JTextComponent.class).stream().anyMatch(t -> displayed(t).contains(fragment))
                || all(root, javax.swing.JLabel.class).stream()
                        .anyMatch(l -> l.getText() != null && l.getText().contains(fragment));
    }

    private static String displayed(javax.swing.text.JTextComponent t) {
        try {
            // the wizard's message pane may use no-break spaces
            return t.getDocument().getText(0, t.getDocument().getLength()).replaceAll("[\\s\\u00a0]+", " ");
        } catch (javax.swing.text.BadLocationException e) {
            throw new AssertionError(e);
        }
    }

    static <T extends Component> java.util.List<T> all(Container root, Class<T> type) {
        java.util.List<T> found = new java.util.ArrayList<>();
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Container child) {
                found.addAll(all(child, type));
            }
        }
        return found;
    }

    /** A real safetensors file in the SDXL checkpoint key layout, with two-element tensors. */
    private static void writeTinySdxlCheckpoint(Path file) throws java.io.IOException {
        String header = "{\"conditioner.embedders.0.transformer.text_model.final_layer_norm.weight\":"
                + "{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"conditioner.embedders.1.model.text_projection\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[4,8]},"
                + "\"model.diffusion_model.input_blocks.0.0.weight\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[8,12]}}";
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + 12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        java.nio.file.Files.write(file, b.array());
    }

    /** Opens a window of the app by its id and brings it to the front. */
    private static TopComponent openWindow(String id) throws Exception {
        return onEdt(() -> {
            TopComponent tc = WindowManager.getDefault().findTopComponent(id);
            Assertions.assertNotNull(tc, "no window " + id);
            tc.open();
            tc.requestActive();
            return tc;
        });
    }

    static void saveScreenshot(File file) throws Exception {
        Frame main = onEdt(() -> WindowManager.getDefault().getMainWindow());
        Assertions.assertTrue(main.isShowing(), "main window is not showing");
        Rectangle bounds = onEdt(main::getBounds);
        BufferedImage shot = new Robot().createScreenCapture(bounds);
        file.getParentFile().mkdirs();
        ImageIO.write(shot, "png", file);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    static <T> T onEdt(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** The component of {@code type} named {@code name} under {@code root}, or null. */
    static <T extends Component> T named(Container root, Class<T> type, String name) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            if (c instanceof Container child) {
                T found = named(child, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T extends Component> T find(Container root, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof Container child) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Polls for up to 20 s: window-system state settles asynchronously after start. */
    static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(onEdt(condition))) {
                return;
            }
            Thread.sleep(100);
        }
        Assertions.fail("timed out waiting until " + what);
    }
}
