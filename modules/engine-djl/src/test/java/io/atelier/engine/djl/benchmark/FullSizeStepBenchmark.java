package io.atelier.engine.djl.benchmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.diffusion.NoiseSchedule;
import io.atelier.testfixtures.sd15.TestCheckpoints;
import io.atelier.engine.djl.lora.LoraConfig;
import io.atelier.engine.djl.lora.LoraNetwork;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.model.Sd15Part;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.OwnedArrays;
import io.atelier.engine.djl.training.LoraTrainer;
import io.atelier.engine.djl.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What one real training step costs on this machine's CPU: a full-size SD 1.5 checkpoint (random weights in the real
 * LDM layout, about 1.07 billion of them) is written, loaded (U-Net and text encoder), given a rank-32/alpha-16 LoRA on
 * U-Net and text encoder, and trained as a run trains, {@link LoraTrainer#stepOnTokens} on one 512×512 image
 * (latents {@code [1, 4, 64, 64]}, token ids {@code [1, 77]}), each step in its own sub-manager. One warm-up step, then
 * timed steps (median), first with our patch convolution, then with PyTorch's own CPU convolution
 * ({@link Conv2d#useNativeOnCpu}); the ratio is ours / native. Peak resident memory (VmHWM) after each phase.
 *
 * <p>Runs only with {@code -Datelier.benchmark=true}. When 512×512 runs out of memory, 448, 384 and 256 are tried
 * ({@code -Datelier.benchmark.sizes=512,448,384,256} changes the list). The figures also go to
 * {@code target/full-size-step-benchmark.txt}.
 */
class FullSizeStepBenchmark {

    private static final Path REPORT = Path.of("target", "full-size-step-benchmark.txt");

    @Test
    @EnabledIfSystemProperty(named = "atelier.benchmark", matches = "true")
    void timesFullSizeTrainingSteps() throws Exception {
        Files.createDirectories(REPORT.getParent());
        Files.deleteIfExists(REPORT);
        log("CPU cores: " + Runtime.getRuntime().availableProcessors() + ", max heap: "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        Path dir = Files.createTempDirectory("atelier-full-sd15");
        Path file = dir.resolve("full-sd15-random.safetensors");
        try {
            long t0 = System.nanoTime();
            TestCheckpoints.writeSd15Generated(file, TestCheckpoints.Spec.sd15Full(), 1);
            double generation = seconds(t0);
            log(String.format(Locale.ROOT, "generation: %.1f s, file size %d bytes (%.2f GiB)", generation,
                    Files.size(file), Files.size(file) / (double) (1L << 30)));
            peak("after generation");

            try (NDManager manager = NDManager.newBaseManager()) {
                long t1 = System.nanoTime();
                try (Sd15Checkpoint model = Sd15Checkpoint.load(file, manager, Sd15Heads.SD15,
                        EnumSet.of(Sd15Part.UNET, Sd15Part.TEXT_ENCODER))) {
                    log(String.format(Locale.ROOT, "load (U-Net + text encoder): %.1f s", seconds(t1)));
                    peak("after load");
                    train(model, manager);
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void train(Sd15Checkpoint model, NDManager root) {
        LoraConfig config = new LoraConfig(32, 16, 0, false, 1);
        // a run's defaults: AdamW, U-Net 1e-4, text encoder 5e-5, weight decay 0.01, clip skip 1, gradient norm 1
        TrainingSettings settings = new TrainingSettings(1e-4f, 5e-5f, 0.01f, 1, 1.0f);
        try (LoraNetwork network = LoraNetwork.attach(model.unet(), model.textEncoder(), config, root);
             LoraTrainer trainer = new LoraTrainer(model.unet(), model.textEncoder(), network, settings,
                     NoiseSchedule.sd15())) {
            log("LoRA: " + network.modules().size() + " modules (" + network.unetModules().size() + " U-Net, "
                    + network.textModules().size() + " text encoder), rank 32, alpha 16, "
                    + network.parameterCount() + " weights");
            peak("after attaching the LoRA");
            int[] sizes = Arrays.stream(System.getProperty("atelier.benchmark.sizes", "512,448,384,256").split(","))
                    .map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int size : sizes) {
                try {
                    double ours = measure("ours (patch convolution)", trainer, model, root, size, 0);
                    double nativeMedian;
                    Conv2d.useNativeOnCpu(true);
                    try {
                        nativeMedian = measure("native (PyTorch CPU convolution)", trainer, model, root, size, 100);
                    } finally {
                        Conv2d.useNativeOnCpu(false);
                    }
                    log(String.format(Locale.ROOT, "%d×%d: median step ours %.2f s, native %.2f s, ratio "
                            + "ours/native %.2f", size, size, ours, nativeMedian, ours / nativeMedian));
                    return;
                } catch (Throwable e) {
                    if (e instanceof Error && !(e instanceof OutOfMemoryError)) {
                        throw (Error) e;
                    }
                    log("FAILED at " + size + "×" + size + " (out of memory?): " + e);
                    peak("after the failure at " + size);
                    log("trying the next smaller size");
                }
            }
            log("no size worked");
        }
    }

    /** One warm-up step and 3 to 5 timed ones at {@code size}×{@code size} pixels; returns the median in seconds. */
    private static double measure(String label, LoraTrainer trainer, Sd15Checkpoint model, NDManager root, int size,
            long stepBase) {
        log("== " + label + ", " + size + "×" + size + " (latents [1, 4, " + size / 8 + ", " + size / 8 + "])");
        double warmUp = step(trainer, model, root, size, stepBase);
        log(String.format(Locale.ROOT, "  warm-up step: %.2f s", warmUp));
        peak("  after the warm-up step");
        int timed = warmUp < 30 ? 5 : 3;
        List<Double> times = new ArrayList<>();
        for (int i = 1; i <= timed; i++) {
            double t = step(trainer, model, root, size, stepBase + i);
            times.add(t);
            log(String.format(Locale.ROOT, "  step %d: %.2f s", i, t));
            peak("  after step " + i);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        log(String.format(Locale.ROOT, "  MEDIAN step (%d timed): %.2f s", timed, median));
        peak("  after " + label);
        return median;
    }

    /**
     * A step as {@code Training} takes it: its arrays in their own sub-manager, a per-step seeded Random. No array may
     * stay behind in the model's manager (this benchmark found ~3,700 per step, ~11 GB at 448×448, before the patch
     * convolution put its product into the step's manager).
     */
    private static double step(LoraTrainer trainer, Sd15Checkpoint model, NDManager root, int size, long step) {
        int before = model.manager().getManagedArrays().size();
        Random random = new Random(1 * 1_000_003L + step + 1);
        int side = size / 8;
        float[] latents = new float[4 * side * side];
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) random.nextGaussian();
        }
        long[] ids = new long[77];
        Arrays.fill(ids, 49407);
        ids[0] = 49406;
        for (int i = 1; i <= 20; i++) {
            ids[i] = 1000 + random.nextInt(40000);
        }
        long t0 = System.nanoTime();
        float loss;
        try (NDManager m = root.newSubManager()) {
            NDArray x = OwnedArrays.of(m, latents, new Shape(1, 4, side, side));
            NDArray tokens = OwnedArrays.of(m, ids, new Shape(1, 77));
            loss = trainer.stepOnTokens(x, tokens, random);
        }
        double s = seconds(t0);
        int left = model.manager().getManagedArrays().size() - before;
        log("  (loss " + loss + ")");
        if (left != 0) {
            throw new AssertionError(left + " arrays of the step stayed in the model's manager");
        }
        return s;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void peak(String phase) {
        String hwm = "?";
        String rss = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).trim();
                } else if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            hwm = e.toString();
        }
        log("peak RSS (VmHWM) " + phase + ": " + hwm + " (current VmRSS " + rss + ")");
    }

    private static synchronized void log(String line) {
        System.out.println("[FullSizeStepBenchmark] " + line);
        System.out.flush();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(REPORT, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            w.println(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
