package io.atelier.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Generated test pictures. */
final class TestPictures {

    private TestPictures() {
    }

    /** Shapes on a gradient plus mild noise: sharp, and distinct per seed. */
    static BufferedImage picture(long seed, int w, int h) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(rnd.nextInt()), w, h, new Color(rnd.nextInt())));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(rnd.nextInt()));
            g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 3), 20 + rnd.nextInt(h / 3));
        }
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = rnd.nextInt(17) - 8;
                int p = img.getRGB(x, y);
                int r = Math.max(0, Math.min(255, ((p >> 16) & 255) + n));
                int gg = Math.max(0, Math.min(255, ((p >> 8) & 255) + n));
                int b = Math.max(0, Math.min(255, (p & 255) + n));
                img.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
        return img;
    }

    static void png(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
