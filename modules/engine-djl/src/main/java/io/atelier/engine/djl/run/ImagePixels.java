package io.atelier.engine.djl.run;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.CropRect;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * An image resized and cropped to its bucket as sd-scripts' {@code trim_and_resize_if_required} does (area averaging
 * when shrinking both sides, bicubic otherwise; the crop the bucket assignment computed), as {@code [3, H, W]} floats
 * in [-1, 1], transparent pixels onto white.
 */
final class ImagePixels {

    private ImagePixels() {
    }

    static float[] toBucket(BufferedImage image, BucketAssignment a) {
        int rw = a.resized().width();
        int rh = a.resized().height();
        BufferedImage resized = new BufferedImage(rw, rh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rw, rh);
            if (rw < image.getWidth() && rh < image.getHeight()) {
                g.drawImage(image.getScaledInstance(rw, rh, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            } else {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(image, 0, 0, rw, rh, null);
            }
        } finally {
            g.dispose();
        }
        CropRect crop = a.crop();
        int w = crop.width();
        int h = crop.height();
        int[] rgb = resized.getRGB(crop.left(), crop.top(), w, h, null, 0, w);
        float[] chw = new float[3 * w * h];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            chw[i] = ((p >> 16) & 0xff) / 127.5f - 1;
            chw[plane + i] = ((p >> 8) & 0xff) / 127.5f - 1;
            chw[2 * plane + i] = (p & 0xff) / 127.5f - 1;
        }
        return chw;
    }

    /** The {@code [3, H, W]} pixels mirrored left to right. */
    static float[] mirrored(float[] chw, int width) {
        float[] out = new float[chw.length];
        for (int row = 0; row < chw.length / width; row++) {
            int at = row * width;
            for (int x = 0; x < width; x++) {
                out[at + x] = chw[at + width - 1 - x];
            }
        }
        return out;
    }
}
