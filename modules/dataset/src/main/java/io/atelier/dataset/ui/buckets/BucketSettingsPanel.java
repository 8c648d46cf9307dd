package io.atelier.dataset.ui.buckets;

import io.atelier.core.buckets.BucketLimits;
import io.atelier.core.buckets.BucketSettings;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.function.Consumer;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;
import javax.swing.UIManager;
import org.openide.util.NbBundle.Messages;

/**
 * The sd-scripts bucket options the preview uses: resolution, min/max bucket resolution, steps, no-upscale and
 * bucketing on/off. Every change is checked as sd-scripts would check it; valid settings are handed on after a
 * short pause so typing a number does not re-plan at every digit.
 */
@Messages({
    "LBL_Resolution=Resolution:",
    "HINT_Resolution=resolution (W = H): the pixel budget of every bucket",
    "LBL_MinReso=Min bucket:",
    "LBL_MaxReso=Max bucket:",
    "LBL_Steps=Steps:",
    "HINT_Steps=bucket_reso_steps: bucket sides are multiples of this",
    "LBL_NoUpscale=No upscale",
    "HINT_NoUpscale=bucket_no_upscale: small images keep their size instead of being enlarged",
    "LBL_Enabled=Bucketing",
    "HINT_Enabled=enable_bucket: off crops every image to the resolution"
})
public final class BucketSettingsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JSpinner resolution = spinner(1024, 256, 4096, 64);
    private final JSpinner minReso = spinner(BucketSettings.DEFAULT_MIN_RESO, 64, 4096, 64);
    private final JSpinner maxReso = spinner(BucketSettings.DEFAULT_MAX_RESO, 64, 8192, 64);
    private final JSpinner steps = spinner(BucketSettings.DEFAULT_STEPS, 8, 256, 8);
    private final JCheckBox noUpscale = new JCheckBox(Bundle.LBL_NoUpscale());
    private final JCheckBox enabled = new JCheckBox(Bundle.LBL_Enabled(), true);
    private final JLabel error = new JLabel(" ");
    private final Timer debounce;

    public BucketSettingsPanel(Consumer<BucketSettings> changed) {
        super(new GridBagLayout());
        setOpaque(false);
        resolution.setToolTipText(Bundle.HINT_Resolution());
        steps.setToolTipText(Bundle.HINT_Steps());
        noUpscale.setToolTipText(Bundle.HINT_NoUpscale());
        enabled.setToolTipText(Bundle.HINT_Enabled());
        noUpscale.setOpaque(false);
        enabled.setOpaque(false);
        addRow(0, Bundle.LBL_Resolution(), resolution, Bundle.LBL_Steps(), steps);
        addRow(1, Bundle.LBL_MinReso(), minReso, Bundle.LBL_MaxReso(), maxReso);
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = 2;
        c.gridx = 0;
        c.gridwidth = 2;
        c.anchor = GridBagConstraints.WEST;
        add(enabled, c);
        c.gridx = 2;
        add(noUpscale, c);
        c.gridy = 3;
        c.gridx = 0;
        c.gridwidth = 4;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        error.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        add(error, c);
        debounce = new Timer(300, e -> settings().ifPresent(changed));
        debounce.setRepeats(false);
        for (JSpinner s : new JSpinner[]{resolution, minReso, maxReso, steps}) {
            s.addChangeListener(e -> validateAndSchedule());
        }
        noUpscale.addActionListener(e -> validateAndSchedule());
        enabled.addActionListener(e -> validateAndSchedule());
    }

    private void addRow(int row, String label1, JSpinner s1, String label2, JSpinner s2) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(2, 0, 2, 6);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        add(new JLabel(label1), c);
        c.gridx = 1;
        add(s1, c);
        c.gridx = 2;
        add(new JLabel(label2), c);
        c.gridx = 3;
        c.weightx = 1;
        add(s2, c);
    }

    private static JSpinner spinner(int value, int min, int max, int step) {
        JSpinner s = new JSpinner(new SpinnerNumberModel(value, min, max, step));
        s.setEditor(new JSpinner.NumberEditor(s, "#"));
        return s;
    }

    private void validateAndSchedule() {
        if (settings().isPresent()) {
            debounce.restart();
        } else {
            debounce.stop();
        }
    }

    /** The settings, or empty with the reason shown when sd-scripts would refuse them. */
    public java.util.Optional<BucketSettings> settings() {
        int res = (Integer) resolution.getValue();
        try {
            BucketSettings s = BucketSettings.of(res, res, (Integer) minReso.getValue(), (Integer) maxReso.getValue(),
                    (Integer) steps.getValue()).withNoUpscale(noUpscale.isSelected()).withEnabled(enabled.isSelected());
            if (s.enabled()) {
                BucketLimits.of(s);
            }
            error.setText(" ");
            return java.util.Optional.of(s);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
