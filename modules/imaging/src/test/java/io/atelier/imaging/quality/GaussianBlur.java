package io.atelier.imaging.quality;

import java.awt.image.BufferedImage;

/** Separable Gaussian blur on RGB, edges clamped: the reference softness for BlurMeasureTest. */
final class GaussianBlur {

    private GaussianBlur() {
    }

    static BufferedImage blur(BufferedImage src, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            total += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        double[][] channels = new double[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = src.getRGB(x, y);
                channels[0][y * w + x] = (p >> 16) & 0xFF;
                channels[1][y * w + x] = (p >> 8) & 0xFF;
                channels[2][y * w + x] = p & 0xFF;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double[][] blurred = new double[3][];
        for (int c = 0; c < 3; c++) {
            blurred[c] = pass(pass(channels[c], w, h, kernel, radius, true), w, h, kernel, radius, false);
        }
        for (int i = 0; i < w * h; i++) {
            out.setRGB(i % w, i / w, channel(blurred[0][i]) << 16 | channel(blurred[1][i]) << 8 | channel(blurred[2][i]));
        }
        return out;
    }

    private static double[] pass(double[] in, int w, int h, double[] kernel, int radius, boolean horizontal) {
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int sx = horizontal ? Math.max(0, Math.min(w - 1, x + k)) : x;
                    int sy = horizontal ? y : Math.max(0, Math.min(h - 1, y + k));
                    sum += kernel[k + radius] * in[sy * w + sx];
                }
                out[y * w + x] = sum;
            }
        }
        return out;
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
