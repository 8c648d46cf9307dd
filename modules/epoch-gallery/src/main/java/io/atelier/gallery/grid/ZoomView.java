package io.atelier.gallery.grid;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JViewport;

/** An image at a scale, centred when smaller than the view; "fit" follows the view's size until zoomed by hand. */
final class ZoomView extends JComponent {

    private BufferedImage image;
    private String message = "Loading…";
    private double scale = 1;
    private boolean fit = true;

    void show(BufferedImage image, String message) {
        this.image = image;
        this.message = message;
        revalidate();
        repaint();
    }

    BufferedImage image() {
        return image;
    }

    double scale() {
        return fit ? fitScale() : scale;
    }

    boolean fitting() {
        return fit;
    }

    void fit() {
        fit = true;
        revalidate();
        repaint();
    }

    void zoom(int steps) {
        scale = Zoom.step(scale(), steps);
        fit = false;
        revalidate();
        repaint();
    }

    private double fitScale() {
        Rectangle view = getParent() instanceof JViewport v ? v.getBounds() : getBounds();
        return image == null ? 1 : Zoom.fit(image.getWidth(), image.getHeight(), view.width, view.height);
    }

    @Override
    public Dimension getPreferredSize() {
        if (image == null || fit) {
            return getParent() instanceof JViewport v ? v.getExtentSize() : new Dimension(512, 512);
        }
        return new Dimension((int) Math.ceil(image.getWidth() * scale), (int) Math.ceil(image.getHeight() * scale));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setColor(new Color(0x2B2B2B));
        g.fillRect(0, 0, getWidth(), getHeight());
        if (image == null) {
            g.setColor(Color.LIGHT_GRAY);
            g.drawString(message, 20, 30);
        } else {
            double s = scale();
            int w = (int) Math.round(image.getWidth() * s);
            int h = (int) Math.round(image.getHeight() * s);
            // enlarged: every pixel sharp, so differences between epochs are not smoothed away
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, s < 1 ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                    : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, Math.max(0, (getWidth() - w) / 2), Math.max(0, (getHeight() - h) / 2), w, h, null);
        }
        g.dispose();
    }
}
