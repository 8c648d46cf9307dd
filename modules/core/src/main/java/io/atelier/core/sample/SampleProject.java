package io.atelier.core.sample;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import io.atelier.core.project.ProjectLayout;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generates a small style-LoRA project a new user can try every module on without their own images:
 * painted geometric scenes in three aspect ratios (so buckets differ), each with a caption that starts
 * with the trigger word. Deterministic for a given seed.
 */
public final class SampleProject {

    public static final String NAME = "Sample: Geometric Style";
    public static final String TRIGGER = "geomstyle";

    private static final int[][] SIZES = {{1024, 1024}, {832, 1216}, {1216, 832}};
    private static final String[] SHAPES = {"circles", "triangles", "squares"};
    private static final String[][] PALETTES = {
        {"warm colors", "E4572E", "F3A712", "A8C686"},
        {"cool colors", "2E86AB", "A23B72", "3B1F2B"},
        {"pastel colors", "F7B2BD", "C2E7DA", "F1FFE7"},
        {"monochrome", "222222", "777777", "DDDDDD"}};

    private SampleProject() {
    }

    /** Creates the sample in {@code dir} with {@code count} images; returns the project. */
    public static LoraProject create(Path dir, int count, String triggerWord) throws IOException {
        LoraProject project = LoraProject.create(NAME, triggerWord, LoraKind.STYLE, BaseModelFamily.SDXL);
        ProjectLayout layout = ProjectFolders.create(dir, project);
        Random random = new Random(42);
        int digits = Math.max(2, String.valueOf(count).length());
        for (int i = 1; i <= count; i++) {
            int[] size = SIZES[i % SIZES.length];
            String shape = SHAPES[random.nextInt(SHAPES.length)];
            String[] palette = PALETTES[random.nextInt(PALETTES.length)];
            List<String> tags = new ArrayList<>(List.of(triggerWord, "no humans", "abstract", shape, palette[0]));
            BufferedImage image = paint(size[0], size[1], shape, palette, random, tags);
            String base = String.format("%0" + digits + "d", i);
            AtomicFiles.write(layout.dataset().resolve(base + ".png"), png(image));
            AtomicFiles.write(layout.dataset().resolve(base + ".txt"),
                    String.join(", ", tags).getBytes(StandardCharsets.UTF_8));
        }
        return project;
    }

    private static BufferedImage paint(int w, int h, String shape, String[] palette, Random r, List<String> tags) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color a = Color.decode("#" + palette[1]);
            Color b = Color.decode("#" + palette[3]);
            g.setPaint(new GradientPaint(0, 0, a.darker(), w, h, b));
            g.fillRect(0, 0, w, h);
            if (r.nextBoolean()) {
                tags.add("gradient background");
            }
            int n = 6 + r.nextInt(10);
            for (int i = 0; i < n; i++) {
                Color c = Color.decode("#" + palette[1 + r.nextInt(3)]);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 140 + r.nextInt(115)));
                double s = Math.min(w, h) * (0.08 + r.nextDouble() * 0.3);
                double x = r.nextDouble() * (w - s);
                double y = r.nextDouble() * (h - s);
                g.fill(shape(shape, x, y, s));
                g.setStroke(new BasicStroke(3f));
                g.setColor(c.darker());
                g.draw(shape(shape, x, y, s));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static java.awt.Shape shape(String kind, double x, double y, double s) {
        return switch (kind) {
            case "circles" -> new Ellipse2D.Double(x, y, s, s);
            case "squares" -> new Rectangle2D.Double(x, y, s, s);
            default -> {
                Path2D t = new Path2D.Double();
                t.moveTo(x + s / 2, y);
                t.lineTo(x + s, y + s);
                t.lineTo(x, y + s);
                t.closePath();
                yield t;
            }
        };
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer available");
        }
        return out.toByteArray();
    }
}
