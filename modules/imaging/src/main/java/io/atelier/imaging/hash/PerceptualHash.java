package io.atelier.imaging.hash;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * 64-bit DCT perceptual hash: grayscale, area-averaged to 32×32, 2-D DCT-II, the top-left 8×8 block of coefficients
 * (the lowest frequencies) without the DC term, each bit set when its coefficient is above the median of those 63.
 * Low frequencies survive resizing, recompression and colour edits; leaving DC out and thresholding at the median
 * makes the hash independent of overall brightness and contrast. Keeping the u = 0 and v = 0 rows (pHash.org drops
 * them) measurably improves robustness to cropping: see NearDuplicateFinderTest. Bit 63 is always 0 (the DC slot).
 */
public final class PerceptualHash {

    private static final int SIZE = 32;
    private static final int BLOCK = 8;
    /** COS[u][x] = cos((2x + 1)·u·π / 64); the DCT's per-row scale factors do not change the median split. */
    private static final double[][] COS = new double[BLOCK][SIZE];

    static {
        for (int u = 0; u < BLOCK; u++) {
            for (int x = 0; x < SIZE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    public static long of(BufferedImage image) {
        LumaRaster small = LumaRaster.areaResized(image, SIZE, SIZE);
        // rows first: R[y][v] = Σx p[y][x]·cos_v(x), then columns: D[u][v] = Σy cos_u(y)·R[y][v]
        double[][] rows = new double[SIZE][BLOCK];
        for (int y = 0; y < SIZE; y++) {
            for (int v = 0; v < BLOCK; v++) {
                double sum = 0;
                for (int x = 0; x < SIZE; x++) {
                    sum += small.get(x, y) * COS[v][x];
                }
                rows[y][v] = sum;
            }
        }
        double[] coefficients = new double[BLOCK * BLOCK - 1];
        int k = 0;
        for (int u = 0; u < BLOCK; u++) {
            for (int v = 0; v < BLOCK; v++) {
                if (u == 0 && v == 0) {
                    continue; // DC: the mean brightness
                }
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    sum += COS[u][y] * rows[y][v];
                }
                coefficients[k++] = sum;
            }
        }
        double[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long hash = 0;
        for (double c : coefficients) {
            hash = (hash << 1) | (c > median ? 1 : 0);
        }
        return hash;
    }

    /** Number of differing bits, 0..64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** 16 hex digits, the form stored in the fingerprint cache. */
    public static String toHex(long hash) {
        return String.format("%016x", hash);
    }
}
