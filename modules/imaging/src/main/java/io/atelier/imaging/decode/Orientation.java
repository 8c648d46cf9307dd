package io.atelier.imaging.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Turns stored pixels upright according to an EXIF orientation value (1..8). */
final class Orientation {

    private Orientation() {
    }

    /**
     * The upright image. For 5..8 width and height swap. {@code image} must be {@code TYPE_INT_RGB}; it is returned
     * unchanged for orientation 1.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == ExifOrientation.NORMAL) {
            return image;
        }
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected TYPE_INT_RGB, got type " + image.getType());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        BufferedImage out = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                // Destination of stored pixel (x, y), per the TIFF/EXIF definition of each value.
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }         // mirror horizontally
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; } // rotate 180
                    case 4 -> { dx = x; dy = h - 1 - y; }         // mirror vertically
                    case 5 -> { dx = y; dy = x; }                 // transpose
                    case 6 -> { dx = h - 1 - y; dy = x; }         // rotate 90 clockwise
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; } // transverse
                    case 8 -> { dx = y; dy = w - 1 - x; }         // rotate 90 counter-clockwise
                    default -> throw new IllegalArgumentException("EXIF orientation out of range: " + orientation);
                }
                dst[dy * dw + dx] = src[row + x];
            }
        }
        return out;
    }
}
