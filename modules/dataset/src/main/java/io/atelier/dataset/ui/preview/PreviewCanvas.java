package io.atelier.dataset.ui.preview;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.dataset.ui.buckets.CropOverlay;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/**
 * Draws one image at the current zoom inside a scroll pane: centred when smaller than the view, scrollable and
 * draggable when larger. The wheel zooms around the mouse pointer; a double-click toggles fit and 100 %.
 */
final class PreviewCanvas extends JComponent implements Scrollable {

    private static final long serialVersionUID = 1L;

    private transient BufferedImage image;
    private transient BufferedImage reduced;   // a halved copy for strong downscaling, made once per image
    private transient BucketAssignment overlay;
    private Zoom zoom = Zoom.toFit();
    private transient Runnable zoomChanged = () -> { };
    private Point dragFrom;

    PreviewCanvas() {
        setOpaque(true);
        setFocusable(true);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                zoomAround(e.getWheelRotation() < 0 ? Zoom.in(shownScale()) : Zoom.out(shownScale()), e.getPoint());
            }

            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                dragFrom = e.getLocationOnScreen();
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (dragFrom != null && getParent() instanceof JViewport viewport) {
                    Point now = e.getLocationOnScreen();
                    Rectangle view = viewport.getViewRect();
                    view.translate(dragFrom.x - now.x, dragFrom.y - now.y);
                    scrollRectToVisible(view);
                    dragFrom = now;
                }
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    setZoom(zoom.toggled());
                }
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
    }

    void setImage(BufferedImage image) {
        this.image = image;
        this.reduced = null;
        revalidate();
        repaint();
    }

    BufferedImage image() {
        return image;
    }

    void setOverlay(BucketAssignment overlay) {
        this.overlay = overlay;
        repaint();
    }

    void onZoomChanged(Runnable r) {
        this.zoomChanged = r;
    }

    Zoom zoom() {
        return zoom;
    }

    void setZoom(Zoom z) {
        zoomAround(z, null);
    }

    /** The scale the image is drawn at now. */
    double shownScale() {
        if (image == null) {
            return 1;
        }
        Dimension view = viewSize();
        return zoom.scaleFor(image.getWidth(), image.getHeight(), view.width, view.height);
    }

    /** Changes the zoom keeping the image point under {@code anchor} (view coordinates) in place. */
    private void zoomAround(Zoom next, Point anchor) {
        if (image == null || !(getParent() instanceof JViewport viewport)) {
            zoom = next;
            revalidate();
            repaint();
            zoomChanged.run();
            return;
        }
        double before = shownScale();
        Rectangle view = viewport.getViewRect();
        Point a = anchor != null ? anchor : new Point(view.x + view.width / 2, view.y + view.height / 2);
        Rectangle2D drawnBefore = drawnRect(before);
        double ix = (a.x - drawnBefore.getX()) / before;
        double iy = (a.y - drawnBefore.getY()) / before;
        zoom = next;
        revalidate();
        viewport.validate();
        double after = shownScale();
        Rectangle2D drawnAfter = drawnRect(after);
        int nx = (int) Math.round(drawnAfter.getX() + ix * after - (a.x - view.x));
        int ny = (int) Math.round(drawnAfter.getY() + iy * after - (a.y - view.y));
        Dimension size = getPreferredSize();
        nx = Math.max(0, Math.min(nx, Math.max(0, size.width - view.width)));
        ny = Math.max(0, Math.min(ny, Math.max(0, size.height - view.height)));
        viewport.setViewPosition(new Point(nx, ny));
        repaint();
        zoomChanged.run();
    }

    private Dimension viewSize() {
        return getParent() instanceof JViewport v ? v.getExtentSize() : getSize();
    }

    /** Where the image goes at {@code scale}: centred in this component, which is at least as large as the view. */
    private Rectangle2D drawnRect(double scale) {
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        Dimension size = getWidth() > 0 ? getSize() : viewSize();
        double x = Math.max(0, (Math.max(size.width, w) - w) / 2);
        double y = Math.max(0, (Math.max(size.height, h) - h) / 2);
        return new Rectangle2D.Double(Math.floor(x), Math.floor(y), Math.round(w), Math.round(h));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            Color bg = UIManager.getColor("Panel.background");
            g.setColor(bg != null ? bg.darker() : Color.DARK_GRAY);
            g.fillRect(0, 0, getWidth(), getHeight());
            if (image == null) {
                return;
            }
            double scale = shownScale();
            Rectangle2D r = drawnRect(scale);
            BufferedImage source = scale < 0.5 ? reduced() : image;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale >= 2
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR   // pixel peeping shows pixels
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, (int) r.getX(), (int) r.getY(), (int) r.getWidth(), (int) r.getHeight(), null);
            if (overlay != null && CropOverlay.sameOrientation(overlay, image.getWidth(), image.getHeight())) {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                CropOverlay.paint(g, overlay, r);
            }
        } finally {
            g.dispose();
        }
    }

    /** Half size, smoothly: bilinear from a much larger image would skip pixels and shimmer. */
    private BufferedImage reduced() {
        if (reduced == null) {
            int w = Math.max(1, image.getWidth() / 2);
            int h = Math.max(1, image.getHeight() / 2);
            reduced = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = reduced.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
        }
        return reduced;
    }

    @Override
    public Dimension getPreferredSize() {
        if (image == null || zoom.fit()) {
            return new Dimension(1, 1);
        }
        return new Dimension((int) Math.round(image.getWidth() * zoom.scale()),
                (int) Math.round(image.getHeight() * zoom.scale()));
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
        return 32;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visibleRect.height - 32 : visibleRect.width - 32;
    }

    /** In fit mode, and whenever the image is smaller than the view, the canvas is the view's size (centring). */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return zoom.fit() || getPreferredSize().width <= viewSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return zoom.fit() || getPreferredSize().height <= viewSize().height;
    }
}
