package io.atelier.dataset.ui.grid;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales a 256 px thumbnail to the grid's cell size once, off the event thread, so painting a cell is a plain copy
 * of pixels. Halving steps before the last bilinear step keep small sizes from aliasing.
 */
final class ThumbnailScaler {

    private ThumbnailScaler() {
    }

    /** {@code source} with its long side at most {@code longSide}, as an opaque RGB image. */
    static BufferedImage toLongSide(BufferedImage source, int longSide) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) longSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = source;
        while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != tw || current.getHeight() != th || current.getType() != BufferedImage.TYPE_INT_RGB) {
            current = draw(current, tw, th);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
