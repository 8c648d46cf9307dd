package io.atelier.dataset.ui.work;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;

/**
 * Tells the user what went wrong with single files while the rest of a batch went on: one dialog, a summary line and
 * one line per file, selectable so it can be copied into a bug report or a search.
 */
public final class ProblemList {

    private ProblemList() {
    }

    /** Shows the problems; callable from any thread (the dialog opens on the event thread, without blocking). */
    public static void show(String summary, List<String> problems) {
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.add(new JLabel(summary), BorderLayout.NORTH);
        JTextArea lines = new JTextArea(String.join("\n", problems));
        lines.setEditable(false);
        lines.setLineWrap(false);
        lines.setCaretPosition(0);
        JScrollPane scroll = new JScrollPane(lines);
        scroll.setPreferredSize(new Dimension(640, Math.min(320, 40 + 18 * problems.size())));
        panel.add(scroll, BorderLayout.CENTER);
        panel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(panel, NotifyDescriptor.WARNING_MESSAGE));
    }

    /** A single message (a whole job that failed); callable from any thread. */
    public static void showMessage(String message) {
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(message, NotifyDescriptor.WARNING_MESSAGE));
    }
}
