package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.options.OptionsDisplayer;

/**
 * Tools › Options › Training as the user opens it: both engines' sections; a tokenizer folder that does not exist is
 * named at once in the built-in engine's section; Cancel closes it without saving. Screenshot
 * {@code target/atelier-options.png}.
 */
final class TrainingOptionsCheck {

    private TrainingOptionsCheck() {
    }

    static void run() throws Exception {
        SwingUtilities.invokeLater(() -> OptionsDisplayer.getDefault().open("Training"));
        waitFor("Options › Training with its settings loaded", () -> {
            JTextField f = named(JTextField.class, "builtinTokenizer");
            return f != null && f.isShowing() && f.isEnabled();
        });
        String missing = new File(System.getProperty("java.io.tmpdir"), "no-such-tokenizer").getAbsolutePath();
        onEdt(() -> {
            named(JTextField.class, "builtinTokenizer").setText(missing);
            return null;
        });
        waitFor("the missing tokenizer folder named", () -> named(JTextArea.class, "builtinResult").getText()
                .contains(missing + " does not exist"));
        Window dialog = onEdt(() -> SwingUtilities.getWindowAncestor(named(JTextField.class, "builtinTokenizer")));
        onEdt(() -> {
            dialog.setSize(1000, 720); // the size a user gives it on a real screen; Xvfb has no window manager
            dialog.validate();
            return null;
        });
        Thread.sleep(500); // let the dialog finish painting
        Rectangle bounds = onEdt(() -> new Rectangle(dialog.getLocationOnScreen(), dialog.getSize()));
        BufferedImage shot = new Robot().createScreenCapture(bounds);
        File file = new File(System.getProperty("atelier.screenshot.dir", "target"), "atelier-options.png");
        file.getParentFile().mkdirs();
        ImageIO.write(shot, "png", file);
        onEdt(() -> {
            AbstractButton cancel = button(dialog, "Cancel");
            Assertions.assertNotNull(cancel, "no Cancel button in the Options dialog");
            cancel.doClick();
            return null;
        });
        waitFor("the Options dialog closed", () -> !dialog.isShowing());
    }

    private static <T extends Component> T named(Class<T> type, String name) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                T found = find(w, type, c -> name.equals(c.getName()));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static AbstractButton button(Container root, String text) {
        return find(root, AbstractButton.class, b -> text.equals(b.getText()));
    }

    private static <T extends Component> T find(Container root, Class<T> type, java.util.function.Predicate<T> test) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                return type.cast(c);
            }
            if (c instanceof Container child) {
                T found = find(child, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
