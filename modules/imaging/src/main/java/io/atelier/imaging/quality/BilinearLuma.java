package io.atelier.imaging.quality;

import io.atelier.imaging.hash.LumaRaster;

/** Bilinear enlargement: smooth, so a small image is not given false sharpness by blocky pixel edges. */
final class BilinearLuma {

    private BilinearLuma() {
    }

    static LumaRaster enlarge(LumaRaster src, int width, int height) {
        double[] out = new double[width * height];
        double sx = (double) src.width() / width;
        double sy = (double) src.height() / height;
        for (int y = 0; y < height; y++) {
            // pixel centres aligned, clamped at the borders
            double fy = Math.max(0, Math.min(src.height() - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(src.height() - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, Math.min(src.width() - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(src.width() - 1, x0 + 1);
                double wx = fx - x0;
                double top = src.get(x0, y0) * (1 - wx) + src.get(x1, y0) * wx;
                double bottom = src.get(x0, y1) * (1 - wx) + src.get(x1, y1) * wx;
                out[y * width + x] = top * (1 - wy) + bottom * wy;
            }
        }
        return LumaRaster.ofValues(width, height, out);
    }
}
