package io.atelier.imaging.resample;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.prepare.DatasetPreparer;
import io.atelier.imaging.prepare.OutputFormat;
import io.atelier.imaging.prepare.PrepareOptions;
import io.atelier.imaging.prepare.PrepareResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Times Prepare (DatasetPreparer: hash, decode, Lanczos to 1024, PNG, sequential names, journal) against ImageMagick's
 * {@code mogrify -resize 1024x1024 -filter Lanczos -format png} on 100 photo-like JPEGs of 3000-6000 px, rounds
 * interleaved so both see the same machine noise. A plain main, not a test: it takes minutes and needs
 * /usr/bin/mogrify.
 */
public final class ResizeBenchmark {

    private static final int IMAGES = 100;
    private static final int ROUNDS = 3;
    private static final int LONG_SIDE = 1024;

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("resize-bench");
        try {
            new ResizeBenchmark().run(root);
        } finally {
            deleteTree(root);
        }
    }

    private void run(Path root) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        Path in = Files.createDirectory(root.resolve("in"));
        long start = System.nanoTime();
        List<Path> files = generate(in, threads);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "generated %d JPEGs (%.0f MB) in %.1f s; %d threads%n",
                files.size(), bytes / 1e6, seconds(System.nanoTime() - start), threads);

        double[] ours = new double[ROUNDS];
        double[] magick = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ours[round] = timeOurs(files, Files.createDirectory(root.resolve("ours" + round)));
            magick[round] = timeMogrify(in, Files.createDirectory(root.resolve("magick" + round)));
            System.out.printf(Locale.ROOT, "round %d: ours %.2f s, ImageMagick %.2f s%n", round + 1, ours[round],
                    magick[round]);
        }
        double oursMedian = median(ours);
        double magickMedian = median(magick);
        System.out.printf(Locale.ROOT, "median: ours %.2f s, ImageMagick %.2f s, ratio ours/ImageMagick %.2f%n",
                oursMedian, magickMedian, oursMedian / magickMedian);
    }

    /** The real Prepare on a project holding the photos as imported (copy and originals set up untimed). */
    private static double timeOurs(List<Path> files, Path project) throws Exception {
        ProjectLayout layout = new ProjectLayout(project);
        Files.createDirectories(layout.originals());
        for (Path file : files) {
            Files.copy(file, layout.dataset().resolve(file.getFileName()));
            Files.copy(file, layout.originals().resolve(file.getFileName()));
        }
        long start = System.nanoTime();
        PrepareResult result = new DatasetPreparer().prepare(layout,
                new PrepareOptions(LONG_SIDE, OutputFormat.PNG), null, null);
        double elapsed = seconds(System.nanoTime() - start);
        if (result.prepared().size() != files.size() || !result.problems().isEmpty()) {
            // a benchmark that skips files would be meaningless
            throw new IOException("prepared " + result.prepared().size() + " of " + files.size() + ": "
                    + result.problems());
        }
        return elapsed;
    }

    private static double timeMogrify(Path in, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/mogrify", "-resize", LONG_SIDE + "x" + LONG_SIDE,
                "-filter", "Lanczos", "-format", "png", "-path", out.toString()));
        try (Stream<Path> files = Files.list(in)) {
            files.filter(f -> f.toString().endsWith(".jpg")).sorted().forEach(f -> command.add(f.toString()));
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        double elapsed = seconds(System.nanoTime() - start);
        if (exit != 0) {
            throw new IOException("mogrify exited with " + exit);
        }
        return elapsed;
    }

    private static List<Path> generate(Path dir, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> jobs = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                int index = i;
                jobs.add(pool.submit(() -> writeJpeg(photoLike(new Random(1000 + index)),
                        dir.resolve(String.format(Locale.ROOT, "photo%03d.jpg", index)))));
            }
            List<Path> files = new ArrayList<>();
            for (Future<Path> job : jobs) {
                files.add(job.get());
            }
            return files;
        } finally {
            pool.shutdown();
        }
    }

    /** Smooth gradients, soft shapes and sensor-like noise: compresses like a photo, unlike flat colour. */
    private static BufferedImage photoLike(Random random) {
        int longSide = 3000 + random.nextInt(3001);
        double[] aspects = {4 / 3.0, 3 / 2.0, 16 / 9.0, 1.0, 5 / 4.0};
        double aspect = aspects[random.nextInt(aspects.length)];
        int shortSide = (int) Math.round(longSide / aspect);
        boolean portrait = random.nextBoolean();
        int width = portrait ? shortSide : longSide;
        int height = portrait ? longSide : shortSide;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, randomColour(random), width, height, randomColour(random)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 40; i++) {
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = 50 + random.nextInt(width / 3);
                int h = 50 + random.nextInt(height / 3);
                g.setPaint(new GradientPaint(x, y, randomColour(random), x + w, y + h, randomColour(random)));
                if (random.nextBoolean()) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.setStroke(new BasicStroke(1 + random.nextInt(20)));
                    g.drawLine(x, y, x + w, y + h);
                }
            }
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int noise = random.nextInt(13) - 6;
            int p = pixels[i];
            pixels[i] = clamp((p >> 16 & 0xFF) + noise) << 16 | clamp((p >> 8 & 0xFF) + noise) << 8
                    | clamp((p & 0xFF) + noise);
        }
        return image;
    }

    private static Color randomColour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Path writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f); // typical camera quality
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
