package io.atelier.imaging.quality;

import io.atelier.imaging.hash.LumaRaster;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sharpness from the variance of the Laplacian of the grayscale image, measured at a fixed scale (long side 512) so
 * that a 4000 px photo and a 1024 px export of it score alike: downscaling area-averages (no aliasing), smaller
 * images are enlarged bilinearly, which honestly shows how soft they are at training scale.
 * <p>
 * The variance is taken per 32 px tile, over the tiles that hold an edge (a luma range of at least
 * {@link #EDGE_RANGE}), and the score is the 90th percentile of those: how sharp the sharpest parts are. A
 * whole-image variance calls flat-colour art blurry, because most of such a picture has no detail at all, and a
 * portrait with a soft background too. Tiles with a low-contrast edge (pastel on pastel) are scaled up to the
 * contrast of {@link #REFERENCE_RANGE}, since the Laplacian grows with the square of the contrast, while a
 * blurred edge stays low whatever its contrast.
 */
public final class BlurMeasure {

    /** Long side of the grayscale copy the Laplacian is measured on. */
    public static final int MEASURE_SIZE = 512;

    /**
     * Scores below this are visibly blurry. The synthetic photos and illustrations of BlurMeasureTest score several
     * hundred sharp and fall far below 100 after a Gaussian blur of σ = 3 px at 512 px, a softness users reject at
     * a glance; 100 is also the customary cut-off for variance of the Laplacian on 8-bit images.
     */
    public static final double BLURRY_BELOW = 100.0;

    static final int TILE = 32;
    /** Luma range (0..255) from which a tile counts as holding an edge; sensor noise alone stays below it. */
    static final double EDGE_RANGE = 24;
    /** Contrast low-contrast edges are scaled up to. */
    static final double REFERENCE_RANGE = 128;
    private static final double PERCENTILE = 0.9;

    private BlurMeasure() {
    }

    /** The 90th percentile of the per-tile Laplacian variance over tiles with an edge; 0 for a blank image. */
    public static double score(BufferedImage image) {
        LumaRaster luma = normalised(image);
        int w = luma.width();
        int h = luma.height();
        if (w < 3 || h < 3) {
            throw new IllegalArgumentException("image " + image.getWidth() + "x" + image.getHeight()
                    + " is too narrow to measure sharpness");
        }
        List<Double> tiles = new ArrayList<>();
        for (int ty = 1; ty < h - 1; ty += TILE) {
            for (int tx = 1; tx < w - 1; tx += TILE) {
                double s = tileScore(luma, tx, ty, Math.min(tx + TILE, w - 1), Math.min(ty + TILE, h - 1));
                if (s >= 0) {
                    tiles.add(s);
                }
            }
        }
        if (tiles.isEmpty()) {
            return 0;
        }
        Collections.sort(tiles);
        return tiles.get((int) Math.min(tiles.size() - 1, Math.floor(PERCENTILE * tiles.size())));
    }

    /** Variance of the 4-neighbour Laplacian in one tile, contrast-normalised; -1 when the tile has no edge. */
    private static double tileScore(LumaRaster luma, int x0, int y0, int x1, int y1) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        double sumSquares = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double v = luma.get(x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
                double lap = luma.get(x - 1, y) + luma.get(x + 1, y) + luma.get(x, y - 1) + luma.get(x, y + 1) - 4 * v;
                sum += lap;
                sumSquares += lap * lap;
            }
        }
        double range = max - min;
        int n = (x1 - x0) * (y1 - y0);
        if (range < EDGE_RANGE || n < 4) {
            return -1;
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        double boost = Math.max(1, (REFERENCE_RANGE / range) * (REFERENCE_RANGE / range));
        return variance * boost;
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
