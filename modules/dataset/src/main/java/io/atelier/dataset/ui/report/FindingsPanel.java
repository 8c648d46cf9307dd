package io.atelier.dataset.ui.report;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import org.openide.util.NbBundle.Messages;

/** The findings of the selected image, each with its one-click fixes. */
@Messages({
    "LBL_NotChecked=Not checked yet: Check Quality reports blur, resolution, compression, duplicates and captions.",
    "LBL_NoFindings=No findings.",
    "LBL_Kept=kept"
})
public final class FindingsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    /** What a fix button does; the panel only offers them. */
    @FunctionalInterface
    public interface FixHandler {
        void apply(Fix fix, Finding finding);
    }

    private final transient FixHandler handler;

    public FindingsPanel(FixHandler handler) {
        this.handler = handler;
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setOpaque(false);
    }

    /** Shows {@code findings}; {@code checked} false when the report does not cover the image. */
    public void show(List<Finding> findings, boolean checked) {
        removeAll();
        if (!checked) {
            add(note(Bundle.LBL_NotChecked()));
        } else if (findings.isEmpty()) {
            add(note(Bundle.LBL_NoFindings()));
        }
        for (Finding f : findings) {
            add(row(f));
        }
        add(Box.createVerticalGlue());
        revalidate();
        repaint();
    }

    /** The badge, then the text wrapping to the panel's width, then the fixes on their own line. */
    private JPanel row(Finding f) {
        JPanel row = new JPanel(new BorderLayout(6, 2));
        row.setOpaque(false);
        row.setAlignmentX(LEFT_ALIGNMENT);
        row.setBorder(BorderFactory.createEmptyBorder(2, 0, 4, 0));
        JLabel badge = new JLabel(f.kind().badge());
        badge.setOpaque(true);
        badge.setBackground(f.kept() ? Color.GRAY : f.kind().color());
        badge.setForeground(Color.WHITE);
        badge.setFont(badge.getFont().deriveFont(Font.BOLD, badge.getFont().getSize2D() - 2f));
        badge.setBorder(BorderFactory.createEmptyBorder(1, 4, 1, 4));
        badge.setVerticalAlignment(JLabel.TOP);
        JPanel badgeBox = new JPanel(new BorderLayout());
        badgeBox.setOpaque(false);
        badgeBox.add(badge, BorderLayout.NORTH);
        row.add(badgeBox, BorderLayout.WEST);
        JTextArea text = new JTextArea(f.text() + (f.kept() ? " (" + Bundle.LBL_Kept() + ")" : ""));
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setBorder(BorderFactory.createEmptyBorder());
        text.setFont(UIManager.getFont("Label.font"));
        text.setForeground(UIManager.getColor(f.kept() ? "Label.disabledForeground" : "Label.foreground"));
        JPanel body = new JPanel(new BorderLayout(0, 1));
        body.setOpaque(false);
        body.add(text, BorderLayout.CENTER);
        row.add(body, BorderLayout.CENTER);
        if (!f.kept()) {
            JPanel fixes = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
            fixes.setOpaque(false);
            for (Fix fix : Fix.forKind(f.kind())) {
                JButton b = new JButton(fix.label());
                b.putClientProperty("JButton.buttonType", "toolBarButton");
                b.setMargin(new java.awt.Insets(1, 0, 1, 8));
                b.setFocusable(false);
                b.addActionListener(e -> handler.apply(fix, f));
                fixes.add(b);
            }
            body.add(fixes, BorderLayout.SOUTH);
        }
        return row;
    }

    private static JLabel note(String text) {
        JLabel l = new JLabel("<html>" + QualitySummary.esc(text) + "</html>");
        l.setAlignmentX(LEFT_ALIGNMENT);
        l.setForeground(UIManager.getColor("Label.disabledForeground"));
        return l;
    }
}
