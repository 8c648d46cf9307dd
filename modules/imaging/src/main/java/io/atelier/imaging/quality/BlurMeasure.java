package io.atelier.imaging.quality;

import io.atelier.imaging.hash.LumaRaster;
import java.awt.image.BufferedImage;

/**
 * Sharpness as the variance of the Laplacian of the grayscale image, measured at a fixed scale (long side 512) so
 * that a 4000 px photo and a 1024 px export of it score alike: downscaling area-averages (no aliasing), smaller
 * images are enlarged bilinearly, which honestly shows how soft they are at training scale.
 */
public final class BlurMeasure {

    /** Long side of the grayscale copy the Laplacian is measured on. */
    public static final int MEASURE_SIZE = 512;

    /**
     * Scores below this are visibly blurry. The synthetic photos of BlurMeasureTest score several hundred sharp and
     * fall far below 100 after a Gaussian blur of σ = 3 px at 512 px, a softness users reject at a glance; 100 is
     * also the customary cut-off for variance of the Laplacian on 8-bit images.
     */
    public static final double BLURRY_BELOW = 100.0;

    private BlurMeasure() {
    }

    /** Variance of the 4-neighbour Laplacian over the interior pixels, luma in 0..255. */
    public static double score(BufferedImage image) {
        LumaRaster luma = normalised(image);
        int w = luma.width();
        int h = luma.height();
        if (w < 3 || h < 3) {
            throw new IllegalArgumentException("image " + image.getWidth() + "x" + image.getHeight()
                    + " is too narrow to measure sharpness");
        }
        double sum = 0;
        double sumSquares = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double lap = luma.get(x - 1, y) + luma.get(x + 1, y) + luma.get(x, y - 1) + luma.get(x, y + 1)
                        - 4 * luma.get(x, y);
                sum += lap;
                sumSquares += lap * lap;
            }
        }
        double n = (double) (w - 2) * (h - 2);
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    public static boolean isBlurry(BufferedImage image) {
        return score(image) < BLURRY_BELOW;
    }

    static LumaRaster normalised(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = (double) MEASURE_SIZE / Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        if (scale <= 1) {
            return LumaRaster.areaResized(image, tw, th);
        }
        return BilinearLuma.enlarge(LumaRaster.of(image), tw, th);
    }
}
