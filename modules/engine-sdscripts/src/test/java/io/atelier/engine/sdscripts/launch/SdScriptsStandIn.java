package io.atelier.engine.sdscripts.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.atelier.engine.sdscripts.tensorboard.EventFileWriter;
import java.awt.image.BufferedImage;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Test stand-in for sd-scripts' {@code train_network.py}/{@code sdxl_train_network.py} (and for {@code accelerate
 * launch} in front of them), started through a generated {@code python} wrapper script. It follows the reference
 * contract: reads the {@code --config_file} and dataset TOML, prints the console lines of §8 (summary, {@code epoch
 * e/E}, a tqdm {@code steps:} bar on stderr with {@code \r} redraws, {@code saving checkpoint:}, {@code model saved.}),
 * writes a real TensorBoard event file (§9), checkpoints and state folders (§10) and samples (§11), and resumes per
 * §10.2 (global_step restarts at 0, epochs continue). {@code -c <script>} answers the installation check's protocol.
 *
 * <p>Environment: {@code STANDIN_FAIL=oom} (CUDA OOM traceback at step 2, exit 1), {@code STANDIN_HANG=1} (starts a
 * child {@code sleep}, prints its pid, sleeps until killed), {@code STANDIN_LATIN1=1} (one windows-1252 line),
 * {@code STANDIN_MISSING=a,b} (modules the check reports missing), {@code STANDIN_STEP_MS} (pause per step),
 * {@code STANDIN_ARGS_FILE} (writes its arguments there, one per line), {@code STANDIN_DIE_AFTER_EPOCH=N} (exits as if
 * killed, code 137, after epoch N's checkpoint and state).
 */
public final class SdScriptsStandIn {

    static final String LATIN1_TEXT = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u20ac5";
    static final float UNET_LR = 1e-4f;
    static final float TE_LR = 5e-5f;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    private SdScriptsStandIn() {
    }

    public static void main(String[] args) throws Exception {
        new SdScriptsStandIn().run(new ArrayList<>(Arrays.asList(args)));
    }

    /** The loss the stand-in reports at step {@code i} (1-based) of {@code epoch}, so a test can predict it. */
    static float loss(int epoch, int i) {
        return 0.5f / epoch + 0.01f * i;
    }

    /** The running mean of this epoch's losses up to step {@code i}. */
    static float average(int epoch, int i) {
        float sum = 0;
        for (int k = 1; k <= i; k++) {
            sum += loss(epoch, k);
        }
        return sum / i;
    }

    static float lr(float base, long runStep, long total) {
        return base * (1f - (float) runStep / (total + 1));
    }

    private void run(List<String> args) throws Exception {
        String argsFile = System.getenv("STANDIN_ARGS_FILE");
        if (argsFile != null) {
            Files.write(Path.of(argsFile), args, StandardCharsets.UTF_8);
        }
        if (!args.isEmpty() && args.get(0).equals("-c")) {
            check();
            return;
        }
        if (!args.isEmpty() && args.get(0).equals("launch")) {
            args.remove(0); // accelerate launch: every option before the script takes one value
            while (!args.isEmpty() && args.get(0).startsWith("--")) {
                args.subList(0, 2).clear();
            }
        }
        String script = args.remove(0);
        Path config = null;
        Path resume = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--config_file" -> config = Path.of(args.get(++i));
                case "--resume" -> resume = Path.of(args.get(++i));
                case "--console_log_simple" -> { }
                default -> throw new IllegalArgumentException("unrecognized arguments: " + args.get(i));
            }
        }
        if (!Files.isRegularFile(config)) {
            err.println(config + " not found.");
            System.exit(1);
        }
        out.println("Loading settings from " + config + "...");
        train(script, new TomlMapper().readTree(config.toFile()), resume);
    }

    private void check() {
        List<String> missing = Arrays.asList(System.getenv().getOrDefault("STANDIN_MISSING", "").split(","));
        for (String m : List.of("torch", "accelerate", "diffusers", "transformers", "safetensors", "toml",
                "voluptuous", "library.train_util", "networks.lora", "bitsandbytes")) {
            if (missing.contains(m)) {
                out.println("missing " + m + ": ModuleNotFoundError: No module named '" + m + "'");
            } else {
                out.println("ok " + m + " 1.0.0");
            }
        }
        err.println("/venv/lib/python3.10/site-packages/some_warning.py:1: FutureWarning: noise to be ignored");
        out.println(missing.contains("cuda") ? "cuda False" : "cuda True Stand-in GPU");
    }

    private void train(String script, JsonNode cfg, Path resume) throws Exception {
        Path datasetToml = Path.of(cfg.path("dataset_config").asText());
        err.println("Loading dataset config from " + datasetToml);
        JsonNode ds = new TomlMapper().readTree(datasetToml.toFile());
        JsonNode subset = ds.path("datasets").path(0).path("subsets").path(0);
        Path imageDir = Path.of(subset.path("image_dir").asText());
        int repeats = subset.path("num_repeats").asInt(1);
        int batch = ds.path("general").path("batch_size").asInt(1);
        long images;
        try (Stream<Path> s = Files.list(imageDir)) {
            images = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpg|jpeg|webp|bmp)$")).count();
        }
        out.println("found directory " + imageDir + " contains " + images + " image files");
        if (images == 0) {
            out.println("No data found. Please verify arguments (train_data_dir must be the parent of folders with "
                    + "images) / 画像がありません。引数指定を確認してください（train_data_dirには画像があるフォルダではなく、"
                    + "画像があるフォルダの親フォルダを指定する必要があります）");
            System.exit(0);
        }
        int epochs = cfg.path("max_train_epochs").asInt(1);
        long spe = (images * repeats + batch - 1) / batch;
        long total = spe * epochs;
        Path outDir = Path.of(cfg.path("output_dir").asText());
        String name = cfg.path("output_name").asText("last");
        int saveEvery = cfg.path("save_every_n_epochs").asInt(0);
        boolean saveState = cfg.path("save_state").asBoolean(false);
        int sampleEvery = cfg.path("sample_every_n_epochs").asInt(0);
        List<String> prompts = cfg.has("sample_prompts") ? prompts(Path.of(cfg.path("sample_prompts").asText()))
                : List.of();
        long stepMs = Long.parseLong(System.getenv().getOrDefault("STANDIN_STEP_MS", "5"));

        int epochToStart = 0;
        if (resume != null) {
            JsonNode st = new ObjectMapper().readTree(resume.resolve("train_state.json").toFile());
            epochToStart = (int) (st.path("current_step").asLong() / spe);
            out.println("resume training from local state: " + resume);
        }
        out.println("accelerator device: cuda:0");
        out.println("import network module: networks.lora");
        out.println("prepare optimizer, data loader etc.");
        out.println("running training / 学習開始");
        out.println("  num train images * repeats / 学習画像の数×繰り返し回数: " + images * repeats);
        out.println("  num reg images / 正則化画像の数: 0");
        out.println("  num batches per epoch / 1epochのバッチ数: " + spe);
        out.println("  num epochs / epoch数: " + epochs);
        out.println("  batch size per device / バッチサイズ: " + batch);
        out.println("  gradient accumulation steps / 勾配を合計するステップ数 = 1");
        out.println("  total optimization steps / 学習ステップ数: " + total);
        if ("1".equals(System.getenv("STANDIN_LATIN1"))) {
            byte[] line = (LATIN1_TEXT + "\n").getBytes("windows-1252");
            out.write(line, 0, line.length);
            out.flush();
        }
        if ("1".equals(System.getenv("STANDIN_HANG"))) {
            hang();
        }
        Path logDir = Path.of(cfg.path("logging_dir").asText()).resolve(LocalDateTime.now().format(STAMP))
                .resolve("network_train");
        Files.createDirectories(logDir);
        Path events = logDir.resolve("events.out.tfevents." + System.currentTimeMillis() / 1000 + ".standin."
                + ProcessHandle.current().pid() + ".0");
        append(events, EventFileWriter.fileVersionEvent(now()));

        long start = System.nanoTime();
        long globalStep = 0;
        bar(globalStep, total, start, Float.NaN, false);
        for (int epoch = epochToStart + 1; epoch <= epochs; epoch++) {
            out.println();
            out.println("epoch " + epoch + "/" + epochs);
            float sum = 0;
            for (int i = 1; i <= spe; i++) {
                Thread.sleep(stepMs);
                globalStep++;
                if ("oom".equals(System.getenv("STANDIN_FAIL")) && globalStep == 2) {
                    oom();
                }
                long runStep = (epoch - 1) * spe + i;
                float loss = loss(epoch, i);
                sum += loss;
                float avr = average(epoch, i);
                append(events, EventFileWriter.simpleScalarEvent("loss/current", globalStep, now(), loss));
                append(events, EventFileWriter.simpleScalarEvent("loss/average", globalStep, now(), avr));
                append(events, EventFileWriter.simpleScalarEvent("lr/unet", globalStep, now(),
                        lr(UNET_LR, runStep, total)));
                append(events, EventFileWriter.simpleScalarEvent("lr/textencoder", globalStep, now(),
                        lr(TE_LR, runStep, total)));
                bar(globalStep, total, start, avr, false);
            }
            append(events, EventFileWriter.simpleScalarEvent("loss/epoch_average", epoch, now(), sum / spe));
            if (!prompts.isEmpty() && sampleEvery > 0 && epoch % sampleEvery == 0) {
                samples(outDir.resolve("sample"), name, String.format("e%06d", epoch), prompts, globalStep);
            }
            if (epoch < epochs && saveEvery > 0 && epoch % saveEvery == 0) {
                Path ckpt = outDir.resolve(String.format("%s-%06d.safetensors", name, epoch));
                out.println();
                out.println("saving checkpoint: " + ckpt);
                safetensors(ckpt, epoch, globalStep);
                if (saveState) {
                    out.println("saving state at epoch " + epoch);
                    state(outDir.resolve(String.format("%s-%06d-state", name, epoch)), epoch, globalStep);
                }
            }
            if (String.valueOf(epoch).equals(System.getenv("STANDIN_DIE_AFTER_EPOCH"))) {
                err.flush();
                out.flush();
                Runtime.getRuntime().halt(137); // as if killed with SIGKILL (the machine's OOM killer, a reboot)
            }
        }
        bar(globalStep, total, start, average(epochs, (int) spe), true);
        Path last = outDir.resolve(name + ".safetensors");
        out.println();
        out.println("saving checkpoint: " + last);
        safetensors(last, epochs, globalStep);
        if (saveState) {
            out.println("saving last state.");
            state(outDir.resolve(name + "-state"), epochs, globalStep);
        }
        out.println("model saved.");
        System.exit(0);
    }

    private void hang() throws Exception {
        Process child = new ProcessBuilder("sleep", "300").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out.println("standin child pid " + child.pid());
        while (true) {
            Thread.sleep(60_000);
        }
    }

    private void oom() {
        err.println("Traceback (most recent call last):");
        err.println("  File \"/sd-scripts/sdxl_train_network.py\", line 234, in <module>");
        err.println("    trainer.train(args)");
        err.println("  File \"/sd-scripts/train_network.py\", line 1466, in train");
        err.println("    accelerator.backward(loss)");
        err.println("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. GPU 0 has a total "
                + "capacity of 23.65 GiB of which 3.06 MiB is free.");
        System.exit(1);
    }

    /** tqdm's default format: {@code steps:  25%|██▌       | 5/20 [00:01<00:03,  4.00it/s, avr_loss=0.0923]}. */
    private void bar(long n, long total, long startNanos, float avr, boolean close) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int pct = (int) Math.round(100.0 * n / total);
        int filled = (int) (10 * n / total);
        String bar = "\u2588".repeat(filled) + " ".repeat(10 - filled);
        String rate = n == 0 ? "?it/s" : elapsed / n > 1 ? String.format("%.2fs/it", elapsed / n)
                : String.format("%.2fit/s", n / Math.max(elapsed, 1e-3));
        String remaining = n == 0 ? "?" : time(elapsed / n * (total - n));
        String postfix = Float.isNaN(avr) ? "" : String.format(Locale.ROOT, ", avr_loss=%.3g", avr);
        err.print("\rsteps: " + String.format("%3d", pct) + "%|" + bar + "| " + n + "/" + total + " [" + time(elapsed)
                + "<" + remaining + ", " + rate + postfix + "]");
        if (close) {
            err.print("\n");
        }
        err.flush();
    }

    private static String time(double seconds) {
        long s = (long) seconds;
        return String.format("%02d:%02d", s / 60, s % 60);
    }

    private static List<String> prompts(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private void samples(Path dir, String name, String trigger, List<String> prompts, long globalStep)
            throws IOException {
        out.println("generating sample images at step / サンプル画像生成 ステップ: " + globalStep);
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(STAMP);
        for (int i = 0; i < prompts.size(); i++) {
            String line = prompts.get(i);
            out.println("prompt: " + line.split(" --")[0]);
            String seed = "";
            for (String opt : line.split(" --")) {
                if (opt.startsWith("d ")) {
                    seed = "_" + opt.substring(2).strip();
                }
            }
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, 0xff0000 + i);
            ImageIO.write(img, "png", dir.resolve(String.format("%s_%s_%02d_%s%s.png", name, trigger, i, stamp, seed))
                    .toFile());
        }
    }

    /** A minimal valid safetensors file: u64 header length, the JSON header, 8 bytes of F32 data. */
    private static void safetensors(Path file, int epoch, long step) throws IOException {
        String header = "{\"__metadata__\":{\"ss_epoch\":\"" + epoch + "\",\"ss_steps\":\"" + step + "\"},"
                + "\"lora_unet_test.lora_down.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).putFloat(epoch).putFloat(step);
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    private void state(Path dir, int epoch, long globalStep) throws IOException {
        Files.createDirectories(dir);
        safetensors(dir.resolve("model.safetensors"), epoch, globalStep);
        Files.write(dir.resolve("optimizer.bin"), new byte[] {1, 2, 3});
        Path json = dir.resolve("train_state.json");
        out.println("save train state to " + json + " at epoch " + epoch + " step " + globalStep);
        Files.writeString(json, "{\"current_epoch\": " + epoch + ", \"current_step\": " + globalStep + "}");
    }

    private static void append(Path file, byte[] event) throws IOException {
        try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            o.write(EventFileWriter.frame(event));
        }
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
