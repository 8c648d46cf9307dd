package io.atelier.dataset.ui.buckets;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.CropRect;
import io.atelier.core.buckets.ImageSize;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;

/**
 * The part of an image a bucket keeps, drawn over the image as shown: what sd-scripts crops away is darkened and the
 * kept area outlined. The crop is in resized-image pixels; the image is shown at any size, so it maps by proportion.
 */
public final class CropOverlay {

    private static final Color SHADE = new Color(0, 0, 0, 150);
    private static final Color OUTLINE = new Color(255, 196, 0);

    private CropOverlay() {
    }

    /** The kept area of {@code a} inside {@code shown}, the rectangle the image is drawn in. */
    public static Rectangle2D keptArea(BucketAssignment a, Rectangle2D shown) {
        ImageSize resized = a.resized();
        CropRect crop = a.crop();
        double sx = shown.getWidth() / resized.width();
        double sy = shown.getHeight() / resized.height();
        return new Rectangle2D.Double(shown.getX() + crop.left() * sx, shown.getY() + crop.top() * sy,
                crop.width() * sx, crop.height() * sy);
    }

    /**
     * Whether the image as shown has the orientation the bucket was computed for. sd-scripts reads the stored pixels
     * and ignores the EXIF orientation, while the grid shows images upright; for an image stored sideways the crop
     * would be drawn on the wrong axis, so it is not drawn (Prepare writes such images upright).
     */
    public static boolean sameOrientation(BucketAssignment a, int shownWidth, int shownHeight) {
        int w = a.image().width();
        int h = a.image().height();
        if (w == h || shownWidth == shownHeight) {
            return true;
        }
        return (w > h) == (shownWidth > shownHeight);
    }

    /** Darkens what the crop removes and outlines what it keeps. */
    public static void paint(Graphics2D g, BucketAssignment a, Rectangle2D shown) {
        Rectangle2D kept = keptArea(a, shown);
        Area cut = new Area(shown);
        cut.subtract(new Area(kept));
        Composite composite = g.getComposite();
        Stroke stroke = g.getStroke();
        Color color = g.getColor();
        try {
            if (!cut.isEmpty()) {
                g.setComposite(AlphaComposite.SrcOver);
                g.setColor(SHADE);
                g.fill(cut);
            }
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Rectangle2D.Double(kept.getX() + 0.75, kept.getY() + 0.75,
                    Math.max(0, kept.getWidth() - 1.5), Math.max(0, kept.getHeight() - 1.5)));
        } finally {
            g.setComposite(composite);
            g.setStroke(stroke);
            g.setColor(color);
        }
    }
}
