package io.atelier.imaging.hash;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Photo-like test images (gradient sky, soft shapes, fine lines, sensor noise) and the edits users apply to them. */
public final class SyntheticPhotos {

    private SyntheticPhotos() {
    }

    public static BufferedImage photo(long seed, int width, int height) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(rnd.nextInt(width), rnd.nextInt(height), randomColor(rnd),
                    rnd.nextInt(width), rnd.nextInt(height), randomColor(rnd)));
            g.fillRect(0, 0, width, height);
            int shapes = 6 + rnd.nextInt(7);
            for (int s = 0; s < shapes; s++) {
                int x = rnd.nextInt(width);
                int y = rnd.nextInt(height);
                int w = width / 8 + rnd.nextInt(width / 2);
                int h = height / 8 + rnd.nextInt(height / 2);
                g.setPaint(new GradientPaint(x, y, randomColor(rnd), x + w, y + h, randomColor(rnd)));
                switch (rnd.nextInt(3)) {
                    case 0 -> g.fill(new Ellipse2D.Double(x - w / 2.0, y - h / 2.0, w, h));
                    case 1 -> g.fill(new RoundRectangle2D.Double(x - w / 2.0, y - h / 2.0, w, h, w / 4.0, h / 4.0));
                    default -> g.fill(randomPolygon(rnd, x, y, w, h));
                }
            }
            for (int l = 0; l < 20; l++) {
                g.setColor(randomColor(rnd));
                g.setStroke(new BasicStroke(1 + rnd.nextInt(3)));
                g.drawLine(rnd.nextInt(width), rnd.nextInt(height), rnd.nextInt(width), rnd.nextInt(height));
            }
        } finally {
            g.dispose();
        }
        addNoise(img, rnd, 6);
        return img;
    }

    private static Color randomColor(Random rnd) {
        return new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
    }

    private static Polygon randomPolygon(Random rnd, int cx, int cy, int w, int h) {
        Polygon p = new Polygon();
        int corners = 3 + rnd.nextInt(4);
        for (int k = 0; k < corners; k++) {
            double angle = 2 * Math.PI * k / corners + rnd.nextDouble() * 0.5;
            p.addPoint(cx + (int) (Math.cos(angle) * w / 2), cy + (int) (Math.sin(angle) * h / 2));
        }
        return p;
    }

    private static void addNoise(BufferedImage img, Random rnd, double sigma) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int n = (int) Math.round(rnd.nextGaussian() * sigma);
                img.setRGB(x, y, rgb(((rgb >> 16) & 0xFF) + n, ((rgb >> 8) & 0xFF) + n, (rgb & 0xFF) + n));
            }
        }
    }

    private static int rgb(int r, int g, int b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Exact 50% downscale by 2×2 averaging (what a good resizer does at this ratio). */
    public static BufferedImage halfSize(BufferedImage src) {
        int w = src.getWidth() / 2;
        int h = src.getHeight() / 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = src.getRGB(2 * x + dx, 2 * y + dy);
                        sum[0] += (p >> 16) & 0xFF;
                        sum[1] += (p >> 8) & 0xFF;
                        sum[2] += p & 0xFF;
                    }
                }
                out.setRGB(x, y, rgb((sum[0] + 2) / 4, (sum[1] + 2) / 4, (sum[2] + 2) / 4));
            }
        }
        return out;
    }

    /** Removes {@code fraction} of the width and height from every side. */
    public static BufferedImage cropBorder(BufferedImage src, double fraction) {
        int dx = (int) Math.round(src.getWidth() * fraction);
        int dy = (int) Math.round(src.getHeight() * fraction);
        BufferedImage sub = src.getSubimage(dx, dy, src.getWidth() - 2 * dx, src.getHeight() - 2 * dy);
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(sub, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Brightness ×(1 + brightness), hue rotated by {@code hueShift} turns, saturation ×{@code saturation}. */
    public static BufferedImage colourAdjusted(BufferedImage src, double brightness, float hueShift, float saturation) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        float[] hsb = new float[3];
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                Color.RGBtoHSB((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, hsb);
                float b = (float) Math.min(1.0, hsb[2] * (1 + brightness));
                out.setRGB(x, y, Color.HSBtoRGB(hsb[0] + hueShift, Math.min(1f, hsb[1] * saturation), b));
            }
        }
        return out;
    }

    public static byte[] jpegBytes(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static BufferedImage jpegRecompressed(BufferedImage img, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpegBytes(img, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
