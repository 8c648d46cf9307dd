package io.atelier.dataset.ui;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.report.Finding;
import io.atelier.dataset.ui.report.FindingsPanel;
import io.atelier.imaging.decode.ImageInfo;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.Scrollable;
import javax.swing.UIManager;
import org.openide.util.NbBundle.Messages;

/**
 * What is known about the selected image: file, format and size, its bucket and crop, its findings with their fixes,
 * and its caption (read-only here; captions are edited in the tag editor).
 */
@Messages({
    "LBL_Caption=Caption",
    "LBL_NoCaptionFile=(no caption file)",
    "LBL_Findings=Findings",
    "# {0} - count",
    "LBL_Selected={0} images selected",
    "# {0} - bucket", "# {1} - resized", "# {2} - cropped percent", "# {3} - upscaled",
    "LBL_Bucket=Bucket {0} \u00b7 resized to {1} \u00b7 {2} cropped{3}",
    "LBL_Upscaled=\u00a0\u00b7 enlarged",
    "LBL_NoBucket=Bucket: turn on the bucket overlay (Buckets) to see where this image trains",
    "LBL_SidewaysBucket=\u00a0\u00b7 stored sideways (EXIF): sd-scripts trains it rotated; Prepare writes it upright",
    "# {0} - format", "# {1} - width", "# {2} - height", "# {3} - file size",
    "LBL_Info={0} \u00b7 {1}\u00d7{2} \u00b7 {3}"
})
final class ImageDetailsPanel extends JPanel implements Scrollable {

    private static final long serialVersionUID = 1L;

    private final JLabel title = new JLabel(" ");
    private final JLabel info = new JLabel(" ");
    private final JLabel bucket = new JLabel(" ");
    private final FindingsPanel findings;
    private final JTextArea caption = new JTextArea(3, 30);

    ImageDetailsPanel(FindingsPanel.FixHandler fixes) {
        super(new BorderLayout());
        findings = new FindingsPanel(fixes);
        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        top.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        for (JLabel l : new JLabel[]{title, info, bucket}) {
            l.setAlignmentX(LEFT_ALIGNMENT);
            top.add(l);
        }
        top.add(Box.createVerticalStrut(6));
        JLabel findingsLabel = new JLabel(Bundle.LBL_Findings());
        findingsLabel.setFont(findingsLabel.getFont().deriveFont(Font.BOLD));
        findingsLabel.setAlignmentX(LEFT_ALIGNMENT);
        top.add(findingsLabel);
        findings.setAlignmentX(LEFT_ALIGNMENT);
        top.add(findings);
        top.add(Box.createVerticalStrut(6));
        JLabel captionLabel = new JLabel(Bundle.LBL_Caption());
        captionLabel.setFont(captionLabel.getFont().deriveFont(Font.BOLD));
        captionLabel.setAlignmentX(LEFT_ALIGNMENT);
        top.add(captionLabel);
        caption.setEditable(false);
        caption.setLineWrap(true);
        caption.setWrapStyleWord(true);
        JScrollPane captionScroll = new JScrollPane(caption);
        captionScroll.setAlignmentX(LEFT_ALIGNMENT);
        top.add(captionScroll);
        add(top, BorderLayout.NORTH);
        clear(0);
    }

    /** Nothing or several images selected. */
    void clear(int selected) {
        title.setText(selected > 1 ? Bundle.LBL_Selected(selected) : " ");
        info.setText(" ");
        bucket.setText(" ");
        findings.show(List.of(), true);
        findings.setVisible(false);
        caption.setText("");
    }

    void showImage(DatasetImage image) {
        title.setText(image.name());
        info.setText(fileSize(image.size()));
        findings.setVisible(true);
        caption.setText("");
    }

    void showStored(DatasetImage image, ImageInfo stored) {
        if (stored != null) {
            info.setText(Bundle.LBL_Info(stored.format().toUpperCase(Locale.ROOT), String.valueOf(stored.width()),
                    String.valueOf(stored.height()),
                    fileSize(image.size())));
        }
    }

    void showCaption(String text) {
        if (text == null) {
            caption.setText(Bundle.LBL_NoCaptionFile());
            caption.setForeground(UIManager.getColor("Label.disabledForeground"));
        } else {
            caption.setText(text);
            caption.setForeground(UIManager.getColor("TextArea.foreground"));
        }
        caption.setCaretPosition(0);
    }

    void showFindings(List<Finding> list, boolean checked) {
        findings.show(list, checked);
    }

    /** {@code sideways}: the image is shown upright but stored rotated, so the crop cannot be drawn on it. */
    void showBucket(BucketAssignment a, boolean sideways) {
        if (a == null) {
            bucket.setText(Bundle.LBL_NoBucket());
            return;
        }
        String pct = String.format(Locale.ROOT, "%.0f%%", a.croppedFraction() * 100);
        bucket.setText(Bundle.LBL_Bucket(a.bucket().width() + "\u00d7" + a.bucket().height(),
                a.resized().width() + "\u00d7" + a.resized().height(), pct,
                (a.upscaled() ? Bundle.LBL_Upscaled() : "") + (sideways ? Bundle.LBL_SidewaysBucket() : "")));
    }

    // Scrollable: as wide as the view, so finding texts wrap instead of running off to the right

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
        return Math.max(16, visibleRect.height - 16);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
