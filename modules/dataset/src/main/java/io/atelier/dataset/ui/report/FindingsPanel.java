package io.atelier.dataset.ui.report;

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

    private JPanel row(Finding f) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 1));
        row.setOpaque(false);
        row.setAlignmentX(LEFT_ALIGNMENT);
        JLabel badge = new JLabel(f.kind().badge());
        badge.setOpaque(true);
        badge.setBackground(f.kept() ? Color.GRAY : f.kind().color());
        badge.setForeground(Color.WHITE);
        badge.setFont(badge.getFont().deriveFont(Font.BOLD, badge.getFont().getSize2D() - 2f));
        badge.setBorder(BorderFactory.createEmptyBorder(1, 4, 1, 4));
        row.add(badge);
        JLabel text = new JLabel(f.text() + (f.kept() ? " (" + Bundle.LBL_Kept() + ")" : ""));
        if (f.kept()) {
            text.setForeground(UIManager.getColor("Label.disabledForeground"));
        }
        text.setToolTipText(f.text());
        row.add(text);
        if (!f.kept()) {
            for (Fix fix : Fix.forKind(f.kind())) {
                JButton b = new JButton(fix.label());
                b.putClientProperty("JButton.buttonType", "toolBarButton");
                b.setFocusable(false);
                b.addActionListener(e -> handler.apply(fix, f));
                row.add(b);
            }
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
