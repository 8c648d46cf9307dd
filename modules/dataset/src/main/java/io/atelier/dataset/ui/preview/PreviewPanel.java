package io.atelier.dataset.ui.preview;

import io.atelier.core.buckets.BucketAssignment;
import java.awt.BorderLayout;
import java.awt.image.BufferedImage;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToolBar;
import org.openide.util.NbBundle.Messages;

/** The large preview of the selected image with its zoom controls: Fit, 100 %, zoom out and in. */
@Messages({
    "BTN_Fit=Fit",
    "HINT_Fit=Fit the image to the view (0)",
    "BTN_Actual=100%",
    "HINT_Actual=Actual pixels (1)",
    "HINT_ZoomOut=Zoom out (-, mouse wheel)",
    "HINT_ZoomIn=Zoom in (+, mouse wheel)",
    "LBL_NoSelection=Select an image to preview it"
})
public final class PreviewPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final PreviewCanvas canvas = new PreviewCanvas();
    private final JLabel zoomLabel = new JLabel(" ");
    private final JLabel caption = new JLabel(Bundle.LBL_NoSelection());

    public PreviewPanel() {
        super(new BorderLayout());
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(button(Bundle.BTN_Fit(), Bundle.HINT_Fit(), this::fit));
        bar.add(button(Bundle.BTN_Actual(), Bundle.HINT_Actual(), this::actualSize));
        bar.add(button("\u2212", Bundle.HINT_ZoomOut(), this::zoomOut));
        bar.add(button("+", Bundle.HINT_ZoomIn(), this::zoomIn));
        bar.addSeparator();
        bar.add(zoomLabel);
        add(bar, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(canvas);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setWheelScrollingEnabled(false);   // the wheel zooms
        add(scroll, BorderLayout.CENTER);
        caption.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        add(caption, BorderLayout.SOUTH);
        canvas.onZoomChanged(this::showZoom);
        addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                showZoom();
            }
        });
    }

    private static JButton button(String text, String hint, Runnable action) {
        JButton b = new JButton(text);
        b.setToolTipText(hint);
        b.setFocusable(false);
        b.addActionListener(e -> action.run());
        return b;
    }

    /** Shows {@code image} (a thumbnail first, then the decoded image); {@code note} is the line under it. */
    public void show(BufferedImage image, String note) {
        canvas.setImage(image);
        caption.setText(note == null || note.isBlank() ? " " : note);
        showZoom();
    }

    public void clear() {
        canvas.setImage(null);
        canvas.setOverlay(null);
        caption.setText(Bundle.LBL_NoSelection());
        zoomLabel.setText(" ");
    }

    /** The bucket crop to draw over the image, or null for none. */
    public void setOverlay(BucketAssignment overlay) {
        canvas.setOverlay(overlay);
    }

    public BufferedImage image() {
        return canvas.image();
    }

    public void fit() {
        canvas.setZoom(Zoom.toFit());
    }

    public void actualSize() {
        canvas.setZoom(Zoom.actualSize());
    }

    public void zoomIn() {
        canvas.setZoom(Zoom.in(canvas.shownScale()));
    }

    public void zoomOut() {
        canvas.setZoom(Zoom.out(canvas.shownScale()));
    }

    /** Enter/Space in the grid: fit becomes 100 % and back. */
    public void toggleZoom() {
        canvas.setZoom(canvas.zoom().toggled());
    }

    public Zoom zoom() {
        return canvas.zoom();
    }

    private void showZoom() {
        zoomLabel.setText(canvas.image() == null ? " " : canvas.zoom().label(canvas.shownScale()));
    }
}
