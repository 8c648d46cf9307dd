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
        return resizeOnWhite(rgb, width, height, 0, 0, width, height, outWidth, outHeight);
    }

    /**
     * Resizes the image as if it had first been pasted at ({@code left}, {@code top}) onto a white
     * {@code canvasWidth × canvasHeight} canvas, without building that canvas: white rows are filtered once, and
     * rows are unpacked into white-margined channel planes as they are needed.
     */
    public static int[] resizeOnWhite(int[] rgb, int width, int height, int left, int top, int canvasWidth,
                                      int canvasHeight, int outWidth, int outHeight) {
        if (width < 1 || height < 1 || outWidth < 1 || outHeight < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + width + "x" + height + " -> "
                    + outWidth + "x" + outHeight);
        }
        if (rgb.length != width * height) {
            throw new IllegalArgumentException(rgb.length + " pixels for " + width + "x" + height);
        }
        if (left < 0 || top < 0 || left + width > canvasWidth || top + height > canvasHeight) {
            throw new IllegalArgumentException(width + "x" + height + " at " + left + "," + top
                    + " does not fit a " + canvasWidth + "x" + canvasHeight + " canvas");
        }
        Coefficients vertical = Coefficients.of(canvasHeight, outHeight);
        int firstRow = 0;
        int rows = canvasHeight;
        if (outHeight != canvasHeight) {
            // Only the source rows the vertical pass reads need the horizontal pass.
            firstRow = vertical.min[0];
            rows = vertical.min[outHeight - 1] + vertical.count[outHeight - 1] - firstRow;
        }
        Planes planes = horizontalPass(new Canvas(rgb, width, height, left, top, canvasWidth), firstRow, rows,
                outWidth);
        if (outHeight != canvasHeight) {
            planes = verticalPass(planes, outWidth, firstRow, vertical, outHeight);
        }
        return planes.packed();
    }

    /** 8-bit values per channel, row-major. */
    private record Planes(int[] r, int[] g, int[] b) {

        Planes(int size) {
            this(new int[size], new int[size], new int[size]);
        }

        int[] packed() {
            int[] out = new int[r.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = r[i] << 16 | g[i] << 8 | b[i];
            }
            return out;
        }
    }

    /** The image on its white canvas, handed out one row at a time as channel planes. */
    private static final class Canvas {
        final int[] rgb;
        final int width;
        final int height;
        final int left;
        final int top;
        final int canvasWidth;
        final int[] r;
        final int[] g;
        final int[] b;

        Canvas(int[] rgb, int width, int height, int left, int top, int canvasWidth) {
            this.rgb = rgb;
            this.width = width;
            this.height = height;
            this.left = left;
            this.top = top;
            this.canvasWidth = canvasWidth;
            r = new int[canvasWidth];
            g = new int[canvasWidth];
            b = new int[canvasWidth];
            Arrays.fill(r, 255); // the margins stay white; rows overwrite only the image's columns
            Arrays.fill(g, 255);
            Arrays.fill(b, 255);
        }

        boolean white(int y) {
            return y < top || y >= top + height;
        }

        /** Unpacks image row {@code y} of the canvas into {@link #r}, {@link #g}, {@link #b}. */
        void load(int y) {
            int from = (y - top) * width;
            for (int x = 0; x < width; x++) {
                int p = rgb[from + x];
                r[left + x] = (p >> 16) & 0xFF;
                g[left + x] = (p >> 8) & 0xFF;
                b[left + x] = p & 0xFF;
            }
        }

        /** A white row, loaded only once the image rows are done with the planes. */
        void loadWhite() {
            Arrays.fill(r, 255);
            Arrays.fill(g, 255);
            Arrays.fill(b, 255);
        }
    }

    /** Rows {@code firstRow … firstRow + rows − 1} of the canvas, each resampled to {@code outWidth}. */
    private static Planes horizontalPass(Canvas canvas, int firstRow, int rows, int outWidth) {
        Planes out = new Planes(outWidth * rows);
        boolean identity = outWidth == canvas.canvasWidth;
        Coefficients c = identity ? null : Coefficients.of(canvas.canvasWidth, outWidth);
        int whiteRow = -1; // index in out of a white row already filtered, copied for the next ones
        for (int pass = 0; pass < 2; pass++) {
            // image rows first, white rows after, so the planes are filled with white only once
            if (pass == 1) {
                canvas.loadWhite();
            }
            for (int y = 0; y < rows; y++) {
                int canvasRow = y + firstRow;
                if (canvas.white(canvasRow) != (pass == 1)) {
                    continue;
                }
                int outStart = y * outWidth;
                if (pass == 1 && whiteRow >= 0) {
                    System.arraycopy(out.r(), whiteRow, out.r(), outStart, outWidth);
                    System.arraycopy(out.g(), whiteRow, out.g(), outStart, outWidth);
                    System.arraycopy(out.b(), whiteRow, out.b(), outStart, outWidth);
                    continue;
                }
                if (pass == 0) {
                    canvas.load(canvasRow);
                } else {
                    whiteRow = outStart;
                }
                if (identity) {
                    System.arraycopy(canvas.r, 0, out.r(), outStart, outWidth);
                    System.arraycopy(canvas.g, 0, out.g(), outStart, outWidth);
                    System.arraycopy(canvas.b, 0, out.b(), outStart, outWidth);
                } else {
                    filterRow(canvas, c, out, outStart, outWidth);
                }
            }
        }
        return out;
    }

    private static void filterRow(Canvas canvas, Coefficients c, Planes out, int outStart, int outWidth) {
        int half = 1 << (PRECISION_BITS - 1);
        int[] r = canvas.r;
        int[] g = canvas.g;
        int[] b = canvas.b;
        for (int x = 0; x < outWidth; x++) {
            int min = c.min[x];
            int n = c.count[x];
            int kOffset = x * c.size;
            int sr = half;
            int sg = half;
            int sb = half;
            for (int i = 0; i < n; i++) {
                int k = c.fixed[kOffset + i];
                sr += r[min + i] * k;
                sg += g[min + i] * k;
                sb += b[min + i] * k;
            }
            out.r()[outStart + x] = clip8(sr);
            out.g()[outStart + x] = clip8(sg);
            out.b()[outStart + x] = clip8(sb);
        }
    }

    /** Row by row over the taps, so every read and write runs along a row. */
    private static Planes verticalPass(Planes in, int width, int firstRow, Coefficients c, int outHeight) {
        Planes out = new Planes(width * outHeight);
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
                    r[x] += in.r()[rowStart + x] * k;
                    g[x] += in.g()[rowStart + x] * k;
                    b[x] += in.b()[rowStart + x] * k;
                }
            }
            int outStart = y * width;
            for (int x = 0; x < width; x++) {
                out.r()[outStart + x] = clip8(r[x]);
                out.g()[outStart + x] = clip8(g[x]);
                out.b()[outStart + x] = clip8(b[x]);
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
