package io.atelier.trainingrun.watch;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunState;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;
import org.openide.awt.NotificationDisplayer;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/** A desktop notification (the status-bar balloon) when a run this app drives ends: how, and why. */
final class RunEndNotifier {

    private RunEndNotifier() {
    }

    static void ended(String name, RunEvent.Finished f) {
        String title = switch (f.state()) {
            case SUCCEEDED -> "Run finished: " + name;
            case FAILED -> "Run failed: " + name;
            case CANCELLED -> "Run stopped: " + name;
            default -> "Run interrupted: " + name;
        };
        String details = f.reason() == null || f.reason().isBlank()
                ? (f.state() == RunState.SUCCEEDED ? "The LoRA was saved. Open the Runs window to see the loss."
                        : "Open the Runs window for its log.")
                : f.reason();
        NotificationDisplayer.Priority priority = f.state() == RunState.FAILED
                ? NotificationDisplayer.Priority.HIGH : NotificationDisplayer.Priority.NORMAL;
        NotificationDisplayer.getDefault().notify(title, new Dot(colour(f.state())), details, e -> {
            TopComponent runs = WindowManager.getDefault().findTopComponent("RunsTopComponent");
            if (runs != null) {
                runs.open();
                runs.requestActive();
            }
        }, priority);
    }

    private static Color colour(RunState state) {
        return switch (state) {
            case SUCCEEDED -> new Color(0x2e, 0x9e, 0x44);
            case FAILED -> new Color(0xc6, 0x28, 0x28);
            default -> new Color(0xe0, 0x8a, 0x00);
        };
    }

    /** A 16 px coloured dot: the outcome at a glance in the notification list. */
    private record Dot(Color colour) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(colour);
            g2.fillOval(x + 2, y + 2, 12, 12);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 16;
        }

        @Override
        public int getIconHeight() {
            return 16;
        }
    }
}
