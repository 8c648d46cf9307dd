package io.atelier.tageditor.ui.work;

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
 * Tells the user which files a batch, an undo or an auto-tag run left alone, and why: a summary and one selectable
 * line per file (each names the file), so it can be copied. Opens without blocking; callable from any thread.
 */
public final class ProblemDialog {

    private ProblemDialog() {
    }

    public static void show(String summary, List<String> problems) {
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.add(new JLabel(summary), BorderLayout.NORTH);
        JTextArea lines = new JTextArea(String.join("\n", problems));
        lines.setEditable(false);
        lines.setCaretPosition(0);
        JScrollPane scroll = new JScrollPane(lines);
        scroll.setPreferredSize(new Dimension(640, Math.min(320, 40 + 18 * problems.size())));
        panel.add(scroll, BorderLayout.CENTER);
        panel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(panel,
                NotifyDescriptor.WARNING_MESSAGE));
    }
}
