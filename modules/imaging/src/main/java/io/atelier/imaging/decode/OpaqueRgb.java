package io.atelier.imaging.decode;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/** Converts any decoded image to opaque sRGB {@code TYPE_INT_RGB}, compositing transparency onto white. */
final class OpaqueRgb {

    private OpaqueRgb() {
    }

    static BufferedImage convert(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage source = image;
        ColorSpace space = image.getColorModel().getColorSpace();
        // CMYK, Lab, or an embedded non-sRGB profile: convert colours properly first. Java2D's drawImage would
        // fall back to a slow per-pixel path. Gray is left to drawImage, which copies the values as they are
        // (correct for the sRGB-encoded gray files we meet, whereas CS_GRAY claims linear gamma).
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            boolean alpha = image.getColorModel().hasAlpha();
            BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(),
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(image, converted);
            if (!alpha) {
                return converted;
            }
            source = converted;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            // Training images have no alpha channel; white is what viewers and the trainers' loaders show.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
