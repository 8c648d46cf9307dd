package io.atelier.imaging.hash;

import java.awt.image.BufferedImage;

/**
 * A grayscale image as doubles in 0..255 (Rec. 601 luma, transparency composited onto white), produced directly at
 * a target size by area averaging. Fingerprints and quality measures need a small, alias-free grayscale copy; reading
 * the source row by row and reducing each row at once keeps memory at {@code targetWidth × sourceHeight} even for
 * 50-megapixel photos.
 */
public final class LumaRaster {

    private final int width;
    private final int height;
    private final double[] values;

    private LumaRaster(int width, int height, double[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** Wraps row-major luma values (copied). */
    public static LumaRaster ofValues(int width, int height, double[] values) {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values do not make a " + width + "x" + height
                    + " raster");
        }
        return new LumaRaster(width, height, values.clone());
    }

    /** The image at its own size. */
    public static LumaRaster of(BufferedImage image) {
        return areaResized(image, image.getWidth(), image.getHeight());
    }

    /**
     * The image resized to {@code width × height}; every target pixel is the exact area-weighted mean of the source
     * pixels it covers (fractional coverage at the edges), so no detail is skipped and nothing aliases.
     */
    public static LumaRaster areaResized(BufferedImage image, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        int sw = image.getWidth();
        int sh = image.getHeight();
        AreaWeights horizontal = new AreaWeights(sw, width);
        double[] rowsReduced = new double[width * sh];
        int[] argb = new int[sw];
        double[] luma = new double[sw];
        for (int y = 0; y < sh; y++) {
            image.getRGB(0, y, sw, 1, argb, 0, sw);
            for (int x = 0; x < sw; x++) {
                luma[x] = lumaOnWhite(argb[x]);
            }
            horizontal.apply(luma, 0, 1, rowsReduced, y * width, 1);
        }
        AreaWeights vertical = new AreaWeights(sh, height);
        double[] out = new double[width * height];
        for (int x = 0; x < width; x++) {
            vertical.apply(rowsReduced, x, width, out, x, width);
        }
        return new LumaRaster(width, height, out);
    }

    private static double lumaOnWhite(int argb) {
        double alpha = (argb >>> 24) / 255.0;
        double luma = 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
        return luma * alpha + 255.0 * (1 - alpha);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double get(int x, int y) {
        return values[y * width + x];
    }

    /** Row-major copy. */
    public double[] values() {
        return values.clone();
    }

    /** For each target index, the source indices it covers and how much of each (in source pixels). */
    private static final class AreaWeights {
        private final int[] first;
        private final double[][] weights;
        private final double scale;

        AreaWeights(int sourceSize, int targetSize) {
            scale = (double) sourceSize / targetSize;
            first = new int[targetSize];
            weights = new double[targetSize][];
            for (int t = 0; t < targetSize; t++) {
                double start = t * scale;
                double end = Math.min(sourceSize, (t + 1) * scale);
                int lo = (int) Math.floor(start);
                int hi = Math.min(sourceSize, (int) Math.ceil(end));
                first[t] = lo;
                weights[t] = new double[hi - lo];
                for (int s = lo; s < hi; s++) {
                    weights[t][s - lo] = Math.min(s + 1, end) - Math.max(s, start);
                }
            }
        }

        void apply(double[] src, int srcOffset, int srcStride, double[] dst, int dstOffset, int dstStride) {
            for (int t = 0; t < first.length; t++) {
                double sum = 0;
                double[] w = weights[t];
                int base = srcOffset + first[t] * srcStride;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[base + k * srcStride];
                }
                dst[dstOffset + t * dstStride] = sum / scale;
            }
        }
    }
}
