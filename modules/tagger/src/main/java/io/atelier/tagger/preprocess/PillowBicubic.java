package io.atelier.tagger.preprocess;

import java.util.Arrays;

/**
 * Pillow's {@code Image.resize(size, Image.BICUBIC)} for 8-bit RGB, reproduced bit for bit: the separable
 * convolution of {@code libImaging/Resample.c} with the cubic kernel a = −0.5, its support widened by the
 * downscale factor (so downscaling is antialiased, unlike Java2D's fixed 4×4 bicubic), coefficients normalised
 * and rounded to 22-bit fixed point, the horizontal pass rounded and clipped to 8 bits before the vertical pass
 * over only the rows the vertical pass reads. The WD14 reference resizes with exactly this, so matching it keeps
 * the tags identical (reference/wd14-tagger.md §4).
 */
public final class PillowBicubic {

    /** {@code PRECISION_BITS} of Resample.c: 32 − 8 − 2. */
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    private PillowBicubic() {
    }

    /**
     * Resizes packed {@code 0xRRGGBB} pixels ({@code width × height}, row-major) to {@code outWidth × outHeight}.
     * A pass whose size does not change is skipped, as in Pillow.
     */
    public static int[] resize(int[] rgb, int width, int height, int outWidth, int outHeight) {
        if (width < 1 || height < 1 || outWidth < 1 || outHeight < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + width + "x" + height + " -> "
                    + outWidth + "x" + outHeight);
        }
        if (rgb.length != width * height) {
            throw new IllegalArgumentException(rgb.length + " pixels for " + width + "x" + height);
        }
        Coefficients horizontal = Coefficients.of(width, outWidth);
        Coefficients vertical = Coefficients.of(height, outHeight);
        int firstRow = 0;
        int rows = height;
        if (outHeight != height) {
            // Only the source rows the vertical pass reads need the horizontal pass.
            firstRow = vertical.min[0];
            rows = vertical.min[outHeight - 1] + vertical.count[outHeight - 1] - firstRow;
        }
        int[] pixels = rgb;
        int w = width;
        int offset = 0;
        if (outWidth != width) {
            pixels = horizontalPass(rgb, width, firstRow, rows, horizontal, outWidth);
            w = outWidth;
            offset = firstRow;
        }
        if (outHeight != height) {
            pixels = verticalPass(pixels, w, offset, vertical, outHeight);
        }
        return pixels == rgb ? rgb.clone() : pixels;
    }

    private static int[] horizontalPass(int[] in, int width, int firstRow, int rows, Coefficients c, int outWidth) {
        int[] out = new int[outWidth * rows];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < rows; y++) {
            int rowStart = (y + firstRow) * width;
            int outStart = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int min = c.min[x];
                int n = c.count[x];
                int kOffset = x * c.size;
                int r = half;
                int g = half;
                int b = half;
                for (int i = 0; i < n; i++) {
                    int p = in[rowStart + min + i];
                    int k = c.fixed[kOffset + i];
                    r += ((p >> 16) & 0xFF) * k;
                    g += ((p >> 8) & 0xFF) * k;
                    b += (p & 0xFF) * k;
                }
                out[outStart + x] = (clip8(r) << 16) | (clip8(g) << 8) | clip8(b);
            }
        }
        return out;
    }

    /** Row by row over the taps, so every read and write runs along a row. */
    private static int[] verticalPass(int[] in, int width, int firstRow, Coefficients c, int outHeight) {
        int[] out = new int[width * outHeight];
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(r, half);
            Arrays.fill(g, half);
            Arrays.fill(b, half);
            int min = c.min[y] - firstRow;
            int n = c.count[y];
            for (int i = 0; i < n; i++) {
                int k = c.fixed[y * c.size + i];
                int rowStart = (min + i) * width;
                for (int x = 0; x < width; x++) {
                    int p = in[rowStart + x];
                    r[x] += ((p >> 16) & 0xFF) * k;
                    g[x] += ((p >> 8) & 0xFF) * k;
                    b[x] += (p & 0xFF) * k;
                }
            }
            int outStart = y * width;
            for (int x = 0; x < width; x++) {
                out[outStart + x] = (clip8(r[x]) << 16) | (clip8(g[x]) << 8) | clip8(b[x]);
            }
        }
        return out;
    }

    private static int clip8(int value) {
        if (value >= (1 << PRECISION_BITS << 8)) {
            return 255;
        }
        if (value <= 0) {
            return 0;
        }
        return value >> PRECISION_BITS;
    }

    /** Pillow's {@code bicubic_filter}, with its operation order (the weights must round the same way). */
    static double filter(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    /**
     * {@code precompute_coeffs} + {@code normalize_coeffs_8bpc}: for each output pixel the first input pixel,
     * how many it reads, and its fixed-point weights ({@code size} slots per output pixel).
     */
    static final class Coefficients {
        final int size;
        final int[] min;
        final int[] count;
        final int[] fixed;

        private Coefficients(int size, int[] min, int[] count, int[] fixed) {
            this.size = size;
            this.min = min;
            this.count = count;
            this.fixed = fixed;
        }

        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] min = new int[outSize];
            int[] count = new int[outSize];
            int[] fixed = new int[outSize * size];
            double[] k = new double[size];
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                // (int) truncates toward zero like the C cast; the clamps make the sign irrelevant
                int xmin = Math.max(0, (int) (center - support + 0.5));
                int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
                double ww = 0.0;
                for (int x = 0; x < xmax; x++) {
                    double w = filter((x + xmin - center + 0.5) * ss);
                    k[x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++) {
                    double v = ww != 0.0 ? k[x] / ww : k[x];
                    fixed[xx * size + x] = v < 0
                            ? (int) (-0.5 + v * (1 << PRECISION_BITS))
                            : (int) (0.5 + v * (1 << PRECISION_BITS));
                }
                min[xx] = xmin;
                count[xx] = xmax;
            }
            return new Coefficients(size, min, count, fixed);
        }
    }
}
