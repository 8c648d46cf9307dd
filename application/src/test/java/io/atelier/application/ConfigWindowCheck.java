package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.all;
import static io.atelier.application.GuiSmokeTest.button;
import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import java.awt.Dialog;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.project.Project;
import org.netbeans.spi.project.ui.LogicalViewProvider;
import org.openide.nodes.Node;
import org.openide.util.ContextAwareAction;
import org.openide.windows.TopComponent;

/**
 * The Config window on the sample project: opened from the project node's Training Config action, network_dim set to
 * 128 in the sheet raises the "far too high" warning, its Apply fix brings the value back, the step summary shows the
 * total steps, a preset version is saved through the dialog and becomes the project's preset; screenshot
 * {@code target/atelier-config.png}.
 */
final class ConfigWindowCheck {

    private static final String TITLE = "Config \u2014 Sample: Geometric Style";

    private ConfigWindowCheck() {
    }

    static void run(Project project, Path folder) throws Exception {
        Node root = onEdt(() -> project.getLookup().lookup(LogicalViewProvider.class).createLogicalView());
        onEdt(() -> {
            Action open = Stream.of(root.getActions(false)).filter(a -> a != null
                    && "Training Config".equals(a.getValue(Action.NAME))).findFirst().orElseThrow();
            ((ContextAwareAction) open).createContextAwareInstance(root.getLookup())
                    .actionPerformed(new ActionEvent(root, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
        AtomicReference<TopComponent> window = new AtomicReference<>();
        waitFor("the Config window opens", () -> {
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                if (TITLE.equals(tc.getName())) {
                    window.set(tc);
                }
            }
            return window.get() != null && window.get().isShowing();
        });
        TopComponent config = window.get();
        JTable sheet = onEdt(() -> all(config, JTable.class).stream()
                .filter(t -> "configSheet".equals(t.getName())).findFirst().orElseThrow());
        JTextArea summary = onEdt(() -> all(config, JTextArea.class).stream()
                .filter(t -> "configSummary".equals(t.getName())).findFirst().orElseThrow());
        waitFor("the step summary shows the total steps", () -> summary.getText().contains("Total steps"));

        onEdt(() -> {
            int row = -1;
            for (int i = 0; i < sheet.getRowCount(); i++) {
                if ("Network dim (rank)".equals(sheet.getValueAt(i, 0))) {
                    row = i;
                }
            }
            sheet.setValueAt("128", row, 1);
            sheet.setRowSelectionInterval(row, row);
            return null;
        });
        waitFor("the dim far too high warning appears", () -> warning(config) != null);
        waitFor("the configuration file holds dim 128", () -> Files.exists(folder.resolve("configs/training.json"))
                && Files.readString(folder.resolve("configs/training.json"), StandardCharsets.UTF_8)
                        .contains("\"network_dim\" : 128"));
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-config.png"));
        onEdt(() -> {
            all(warning(config), JButton.class).stream().filter(b -> "Apply fix".equals(b.getText())).findFirst()
                    .orElseThrow().doClick();
            return null;
        });
        waitFor("the fix removes the warning", () -> warning(config) == null);
        Assertions.assertTrue(onEdt(() -> summary.getText().contains("Total steps")));

        SwingUtilities.invokeLater(() -> all(config, JButton.class).stream()
                .filter(b -> b.getText().startsWith("Save as Preset Version")).findFirst().orElseThrow().doClick());
        AtomicReference<Dialog> dialog = new AtomicReference<>();
        waitFor("the save dialog opens", () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Dialog d && d.isShowing() && all(d, JTextField.class).stream()
                        .anyMatch(f -> "presetName".equals(f.getName()))) {
                    dialog.set(d);
                }
            }
            return dialog.get() != null;
        });
        onEdt(() -> {
            all(dialog.get(), JTextField.class).stream().filter(f -> "presetName".equals(f.getName())).findFirst()
                    .orElseThrow().setText("Geom test");
            button(dialog.get(), "OK").doClick();
            return null;
        });
        waitFor("the project's preset is the saved version", () -> Files.readString(
                folder.resolve("configs/training.json"), StandardCharsets.UTF_8).contains("\"Geom test v1\""));
    }

    private static JPanel warning(TopComponent config) {
        return all(config, JPanel.class).stream().filter(p -> "warning:dim-far-too-high".equals(p.getName()))
                .findFirst().orElse(null);
    }
}
