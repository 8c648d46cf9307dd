package io.atelier.imaging.quality;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Cel-shaded illustrations as anime and flat-style LoRAs are trained on: large areas of flat colour, a few crisp
 * anti-aliased outlines, no texture or noise. The case a whole-image variance of the Laplacian gets wrong.
 */
final class FlatIllustrations {

    private FlatIllustrations() {
    }

    /** Outlined shapes filling much of the picture. */
    static BufferedImage illustration(long seed, int width, int height) {
        return draw(seed, width, height, 4, 0.3, true);
    }

    /** Two small lineless pastel shapes on an empty background: a sticker, an icon, a minimalist style. */
    static BufferedImage minimal(long seed, int width, int height) {
        return draw(seed, width, height, 2, 0.12, false);
    }

    private static BufferedImage draw(long seed, int width, int height, int shapes, double size, boolean outlined) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(235 + rnd.nextInt(20), 230 + rnd.nextInt(25), 225 + rnd.nextInt(30)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < shapes; i++) {
            double w = width * (size / 2 + rnd.nextDouble() * size);
            double h = height * (size / 2 + rnd.nextDouble() * size);
            Ellipse2D shape = new Ellipse2D.Double(rnd.nextDouble() * (width - w), rnd.nextDouble() * (height - h), w, h);
            g.setColor(outlined ? Color.getHSBColor(rnd.nextFloat(), 0.35f, 0.95f)
                    : Color.getHSBColor(rnd.nextFloat(), 0.55f, 0.8f));
            g.fill(shape);
            if (outlined) {
                g.setColor(new Color(40, 30, 35));
                g.setStroke(new BasicStroke(Math.max(1.5f, width / 400f)));
                g.draw(shape);
            }
        }
        g.dispose();
        return img;
    }
}
