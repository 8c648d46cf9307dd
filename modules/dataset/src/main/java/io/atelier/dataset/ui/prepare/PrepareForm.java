package io.atelier.dataset.ui.prepare;

import io.atelier.imaging.prepare.OutputFormat;
import io.atelier.imaging.prepare.PrepareOptions;
import io.atelier.imaging.resample.Resampler;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import org.openide.util.NbBundle.Messages;

/** The choices of Prepare: the long side (1024, 1536 or 2048 px) and PNG or JPEG, with what Prepare will do. */
@Messages({
    "LBL_LongSide=Long side:",
    "LBL_Px=px",
    "LBL_Format=Format:",
    "LBL_Png=PNG (lossless)",
    "LBL_Jpeg=JPEG (quality 95, smaller)",
    "# {0} - number of images",
    "LBL_PrepareExplained=<html>Every image of the dataset ({0}) is resized from its untouched original so its long side "
        + "has this length (smaller images are enlarged), written in this format and renamed 01, 02, \u2026 in name "
        + "order; captions move with their images.<br><br>The originals stay in <tt>dataset/.originals/</tt>: "
        + "<b>Undo Prepare</b> brings them back.</html>"
})
public final class PrepareForm extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JComboBox<Integer> longSide = new JComboBox<>(Resampler.OFFERED_LONG_SIDES.toArray(Integer[]::new));
    private final JRadioButton png = new JRadioButton(Bundle.LBL_Png(), true);
    private final JRadioButton jpeg = new JRadioButton(Bundle.LBL_Jpeg());

    public PrepareForm(int images) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        ButtonGroup formats = new ButtonGroup();
        formats.add(png);
        formats.add(jpeg);
        longSide.setSelectedItem(Resampler.DEFAULT_LONG_SIDE);
        GridBagConstraints c = new GridBagConstraints();
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 0, 3, 8);
        c.gridy = 0;
        add(new JLabel(Bundle.LBL_LongSide()), c);
        JPanel side = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
        side.add(longSide);
        side.add(new JLabel(Bundle.LBL_Px()));
        c.gridx = 1;
        add(side, c);
        c.gridy = 1;
        c.gridx = 0;
        add(new JLabel(Bundle.LBL_Format()), c);
        c.gridx = 1;
        add(png, c);
        c.gridy = 2;
        add(jpeg, c);
        c.gridy = 3;
        c.gridx = 0;
        c.gridwidth = 2;
        c.insets = new Insets(12, 0, 0, 0);
        JLabel explained = new JLabel(Bundle.LBL_PrepareExplained(images));
        explained.setPreferredSize(new java.awt.Dimension(440, 110));
        add(explained, c);
    }

    public PrepareOptions options() {
        return new PrepareOptions((Integer) longSide.getSelectedItem(), jpeg.isSelected() ? OutputFormat.JPEG : OutputFormat.PNG);
    }
}
