package io.atelier.tagger.batch;

import io.atelier.core.io.FileProgress;
import io.atelier.tagger.fixture.Wd14TestModel;
import io.atelier.tagger.model.TaggerModel;
import io.atelier.tagger.preprocess.TaggerPreprocessor;
import io.atelier.tagger.select.TaggerSettings;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
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
import javax.imageio.ImageIO;

/**
 * Tagging throughput on 200 generated 1024 px PNGs with a stand-in WD14 model (448 px input, 10,861 tags like
 * wd-swinv2-tagger-v3, dynamic batch): images/s for decode + preprocess alone (on the tagger's pool, one thread per
 * core) and for the whole pass (decode, preprocess, inference, selection, caption writes). When {@code /usr/bin/python3}
 * has Pillow and NumPy, the reference's own preprocessing (SmilingWolf Space {@code prepare_image}, one process, as
 * the Python taggers run it) is timed on the same files for the ratio. Medians of 5 rounds. A plain main, not a test.
 *
 * <pre>java -cp "modules/tagger/target/test-classes:modules/tagger/target/classes:modules/cli/target/atelier/lib/*" \
 *     io.atelier.tagger.batch.TaggerBenchmark</pre>
 */
public final class TaggerBenchmark {

    private static final int IMAGES = 200;
    private static final int ROUNDS = 5;
    private static final int TAGS = 10_861;
    private static final int SIZE = 448;

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("tagger-bench");
        try {
            new TaggerBenchmark().run(root);
        } finally {
            deleteTree(root);
        }
    }

    private void run(Path root) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        Path dataset = Files.createDirectories(root.resolve("project/dataset"));
        long start = System.nanoTime();
        List<Path> images = generate(dataset, threads);
        long bytes = 0;
        for (Path p : images) {
            bytes += Files.size(p);
        }
        System.out.printf(Locale.ROOT, "generated %d PNGs, 1024 px long side (%.0f MB) in %.1f s; %d cores%n",
                images.size(), bytes / 1e6, seconds(System.nanoTime() - start), threads);
        try (TaggerModel model = TaggerModel.load(standIn().writeTo(root.resolve("wd-stand-in")))) {
            System.out.println("model: " + TAGS + " tags, input " + model.inputSize() + ", batch "
                    + model.batchSize() + ", provider " + model.provider());
            double[] preprocess = new double[ROUNDS];
            double[] cpuMs = new double[ROUNDS];
            double[] whole = new double[ROUNDS];
            double[] reference = new double[ROUNDS];
            boolean python = pillowAvailable();
            for (int round = 0; round < ROUNDS; round++) {
                double[] times = timePreprocess(images, threads);
                preprocess[round] = images.size() / times[0];
                cpuMs[round] = times[1] * 1000 / images.size();
                TaggingResult result = new DatasetTagger().tag(images, model, TaggerSettings.defaults(),
                        TagMode.REPLACE, "bnchtrg", FileProgress.NONE, () -> false);
                if (result.tagged().size() != images.size() || !result.problems().isEmpty()) {
                    throw new IllegalStateException("pass incomplete: " + result.problems());
                }
                whole[round] = result.imagesPerSecond();
                reference[round] = python ? images.size() / timeReference(root, images) : Double.NaN;
                System.out.printf(Locale.ROOT, "round %d: decode+preprocess %.1f images/s (%.1f ms CPU per image), "
                                + "whole pass %.1f images/s%s%n", round + 1, preprocess[round], cpuMs[round],
                        whole[round],
                        python ? String.format(Locale.ROOT, ", Python reference preprocessing %.1f images/s",
                                reference[round]) : "");
            }
            System.out.printf(Locale.ROOT, "median: decode+preprocess %.1f images/s, whole pass %.1f images/s%n",
                    median(preprocess), median(whole));
            // what the cores deliver when nothing else runs: the build machine is often shared, wall time is not
            System.out.printf(Locale.ROOT, "median CPU per image for decode+preprocess %.1f ms: %.1f images/s on %d "
                    + "otherwise idle cores%n", median(cpuMs), threads * 1000 / median(cpuMs), threads);
            System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (python) {
                System.out.printf(Locale.ROOT, "median: Python reference preprocessing (Pillow, 1 process) %.1f "
                        + "images/s; ours/reference %.2f%n", median(reference), median(preprocess) / median(reference));
            } else {
                System.out.println("(no /usr/bin/python3 with Pillow and NumPy: reference not timed)");
            }
        }
    }

    /** Stand-in with the v3 tag count; weights small and random so every tensor value matters. */
    private static Wd14TestModel standIn() {
        Random rnd = new Random(7);
        Wd14TestModel model = new Wd14TestModel().size(SIZE).names("input", "output");
        String[] ratings = {"general", "sensitive", "questionable", "explicit"};
        for (int i = 0; i < TAGS; i++) {
            int category = i < 4 ? 9 : i < 8110 ? 0 : 4;
            String name = i < 4 ? ratings[i] : "tag_" + i;
            model.tag(name, category, (float) rnd.nextGaussian() * 0.02f, (float) rnd.nextGaussian() * 0.02f,
                    (float) rnd.nextGaussian() * 0.02f, (float) rnd.nextGaussian() * 2f);
        }
        return model;
    }

    /**
     * Decode + preprocess on a pool of {@code threads}, as DatasetTagger runs it: wall seconds, and the CPU seconds
     * the pool's threads spent.
     */
    private static double[] timePreprocess(List<Path> images, int threads) throws Exception {
        TaggerPreprocessor preprocessor = new TaggerPreprocessor();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long cpuNanos = 0;
        try {
            List<Future<Long>> jobs = new ArrayList<>();
            for (Path image : images) {
                jobs.add(pool.submit(() -> {
                    long before = cpu.getCurrentThreadCpuTime();
                    if (preprocessor.tensor(image, SIZE).length != SIZE * SIZE * 3) {
                        throw new IllegalStateException("wrong tensor size");
                    }
                    return cpu.getCurrentThreadCpuTime() - before;
                }));
            }
            for (Future<Long> job : jobs) {
                cpuNanos += job.get();
            }
        } finally {
            pool.shutdown();
        }
        return new double[]{seconds(System.nanoTime() - start), seconds(cpuNanos)};
    }

    private static final String REFERENCE = String.join("\n",
            "import sys, time, numpy as np",
            "from PIL import Image",
            "def prepare(path, size):",
            "    image = Image.open(path).convert('RGBA')",
            "    canvas = Image.new('RGBA', image.size, (255, 255, 255))",
            "    canvas.alpha_composite(image)",
            "    image = canvas.convert('RGB')",
            "    side = max(image.size)",
            "    padded = Image.new('RGB', (side, side), (255, 255, 255))",
            "    padded.paste(image, ((side - image.size[0]) // 2, (side - image.size[1]) // 2))",
            "    if side != size:",
            "        padded = padded.resize((size, size), Image.BICUBIC)",
            "    return np.expand_dims(np.asarray(padded, dtype=np.float32)[:, :, ::-1], 0)",
            "paths = [l.strip() for l in open(sys.argv[1]) if l.strip()]",
            "start = time.perf_counter()",
            "for p in paths:",
            "    prepare(p, int(sys.argv[2]))",
            "print(time.perf_counter() - start)");

    private static boolean pillowAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import PIL, numpy").redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The reference's preprocessing in one Python process; seconds as it measures them (start-up excluded). */
    private static double timeReference(Path root, List<Path> images) throws IOException, InterruptedException {
        Path list = root.resolve("images.txt");
        Files.write(list, images.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", REFERENCE, list.toString(), Integer.toString(SIZE))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("reference failed: " + out);
        }
        return Double.parseDouble(out);
    }

    /** Photo-like pictures: gradient, shapes, per-pixel noise (so PNG sizes are those of real photos). */
    private static List<Path> generate(Path dir, int threads) throws Exception {
        int[][] sizes = {{1024, 1024}, {1024, 768}, {768, 1024}, {1024, 683}};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> jobs = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    int[] size = sizes[index % sizes.length];
                    Path file = dir.resolve(String.format(Locale.ROOT, "%03d.png", index + 1));
                    ImageIO.write(picture(index, size[0], size[1]), "png", file.toFile());
                    return file;
                }));
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

    private static BufferedImage picture(long seed, int w, int h) {
        Random rnd = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt()), w, h, new Color(rnd.nextInt())));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(rnd.nextInt()));
            g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 3), 20 + rnd.nextInt(h / 3));
        }
        g.dispose();
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int n = rnd.nextInt(9) - 4;
            int p = px[i];
            px[i] = clamp(((p >> 16) & 255) + n) << 16 | clamp(((p >> 8) & 255) + n) << 8 | clamp((p & 255) + n);
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
