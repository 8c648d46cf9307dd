package io.atelier.engine.djl;

import io.atelier.testfixtures.sd15.TestCheckpoints;
import io.atelier.testfixtures.sd15.TestSafetensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.DatasetEntry;
import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunState;
import io.atelier.core.safetensors.SafetensorsFile;
import io.atelier.core.safetensors.SafetensorsTensor;
import io.atelier.testfixtures.sd15.TestSafetensors.Dtype;
import io.atelier.testfixtures.sd15.TinyVocab;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in engine through the SPI: a generated tiny SD 1.5 checkpoint (4 levels as SD 1.5, so every LoRA module
 * has its kohya name; transformers only on the third level and the middle, so a step is cheap), three tiny PNGs in two
 * buckets at resolution 256, tiny tokenizer files as the {@code tokenizer} setting.
 */
class BuiltinEngineTest {

    static final TestCheckpoints.Spec SPEC = new TestCheckpoints.Spec(32, new int[]{1, 1, 2, 2}, 2, Set.of(2), 1,
            32, 2, 4, 64, 77, 32, new int[]{1, 1, 2, 2}, 1);
    static final String SHA = "ab".repeat(32);

    @TempDir
    static Path tmp;
    static Path checkpoint;
    static Path project;
    static EngineSettings settings;
    static BuiltinEngine engine = new BuiltinEngine(TinyModel.HEADS);

    @BeforeAll
    static void fixtures() throws Exception {
        checkpoint = TestCheckpoints.writeSd15(tmp.resolve("tiny-sd15.safetensors"), SPEC, 3);
        Path tokenizer = tmp.resolve("tokenizer");
        TinyVocab.writeVocabAndMerges(tokenizer);
        settings = EngineSettings.NONE.with("tokenizer", tokenizer.toString());
        project = tmp.resolve("project");
        Path dataset = Files.createDirectories(project.resolve("dataset"));
        image(dataset, "01", 32, 32, new Color(200, 40, 40), "hello, red, world");
        image(dataset, "02", 32, 32, new Color(40, 40, 200), "hello, world");
        image(dataset, "03", 48, 32, new Color(40, 200, 40), "hello, red");
    }

    static void image(Path dir, String name, int w, int h, Color color, String caption) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, x < w / 2 ? color.getRGB() : color.darker().getRGB() ^ (y * 3));
            }
        }
        ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
        Files.writeString(dir.resolve(name + ".txt"), caption, StandardCharsets.UTF_8);
    }

    static RunSpec spec(UUID id) {
        TrainingConfig config = TrainingConfig.of(Map.ofEntries(
                Map.entry("model_family", "sd15"), Map.entry("output_name", "tiny"), Map.entry("resolution", 256),
                Map.entry("min_bucket_reso", 64), Map.entry("max_bucket_reso", 256), Map.entry("num_repeats", 1),
                Map.entry("train_batch_size", 2), Map.entry("max_train_epochs", 3),
                Map.entry("optimizer_type", "AdamW8bit"), Map.entry("unet_lr", 2e-3),
                Map.entry("text_encoder_lr", 1e-3), Map.entry("network_dim", 4), Map.entry("network_alpha", 4.0),
                Map.entry("shuffle_caption", true), Map.entry("keep_tokens", 1), Map.entry("min_snr_gamma", 5.0),
                Map.entry("seed", 42), Map.entry("save_every_n_epochs", 1), Map.entry("sample_prompts", ""),
                Map.entry("optimizer_args", "weight_decay=0")));
        List<DatasetEntry> entries = List.of(new DatasetEntry("01.png", "a", null),
                new DatasetEntry("02.png", "b", null), new DatasetEntry("03.png", "c", null));
        return new RunSpec(id, project, "builtin", "test", config, null, checkpoint, SHA, entries, Instant.now());
    }

    /** Runs to the end; {@code onEvent} may stop the run through the handle it is given. */
    static List<RunEvent> run(RunSpec spec, boolean resume, BiConsumer<RunEvent, RunHandle> onEvent)
            throws Exception {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<RunHandle> handle = new AtomicReference<>();
        Starter starter = resume ? engine::resume : engine::start;
        RunHandle h = starter.start(spec, settings, e -> {
            events.add(e);
            if (handle.get() != null) {
                onEvent.accept(e, handle.get());
            }
        });
        handle.set(h);
        assertThat(h.process()).isEqualTo(ProcessHandle.current());
        h.finished().toCompletableFuture().get(5, TimeUnit.MINUTES);
        return events;
    }

    interface Starter {
        RunHandle start(RunSpec spec, EngineSettings settings, io.atelier.core.run.RunListener listener)
                throws EngineException;
    }

    static List<Double> metric(List<RunEvent> events, String name) {
        return events.stream().filter(e -> e instanceof RunEvent.Metric m && m.name().equals(name))
                .map(e -> ((RunEvent.Metric) e).value()).toList();
    }

    static List<Long> metricSteps(List<RunEvent> events, String name) {
        return events.stream().filter(e -> e instanceof RunEvent.Metric m && m.name().equals(name))
                .map(e -> ((RunEvent.Metric) e).step()).toList();
    }

    @Test
    void aFullRunAndAStoppedThenResumedRunTrainAlikeAndWriteKohyaFiles() throws Exception {
        long t0 = System.nanoTime();
        RunSpec full = spec(UUID.randomUUID());
        List<RunEvent> a = run(full, false, (e, h) -> { });
        System.out.printf("full run: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        a.stream().filter(e -> e instanceof RunEvent.LogLine).forEach(e -> System.out.println(
                "  " + ((RunEvent.LogLine) e).text()));

        // events in order
        assertThat(a.get(0)).isEqualTo(new RunEvent.StateChanged(RunState.STARTING, null));
        int running = a.indexOf(new RunEvent.StateChanged(RunState.RUNNING, null));
        int firstProgress = indexOf(a, RunEvent.Progress.class);
        assertThat(running).isPositive().isLessThan(firstProgress);
        assertThat(a.get(a.size() - 1)).isEqualTo(new RunEvent.Finished(RunState.SUCCEEDED, null));
        List<String> logs = a.stream().filter(e -> e instanceof RunEvent.LogLine)
                .map(e -> ((RunEvent.LogLine) e).text()).toList();
        assertThat(logs).anyMatch(l -> l.contains("on the CPU")).anyMatch(l -> l.contains("fp32"))
                .anyMatch(l -> l.contains("AdamW8bit requests run as AdamW"))
                .anyMatch(l -> l.contains("CLIP tokenizer")).anyMatch(l -> l.contains("bucket 0: resolution (256, 192)"))
                .anyMatch(l -> l.contains("total optimization steps: 6"));
        List<RunEvent.Progress> progress = a.stream().filter(e -> e instanceof RunEvent.Progress)
                .map(e -> (RunEvent.Progress) e).toList();
        assertThat(progress).extracting(RunEvent.Progress::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(progress).extracting(RunEvent.Progress::epoch).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.totalSteps()).isEqualTo(6);
            assertThat(p.totalEpochs()).isEqualTo(3);
            assertThat(p.stepsPerSecond()).isPositive();
        });
        List<Double> current = metric(a, "loss/current");
        assertThat(current).hasSize(6).allSatisfy(v -> assertThat(v).isFinite().isPositive());
        assertThat(metric(a, "loss/average")).hasSize(6).allSatisfy(v -> assertThat(v).isFinite());
        assertThat(metric(a, "loss/average").get(1)).isEqualTo((current.get(0) + current.get(1)) / 2);
        assertThat(metric(a, "lr/unet")).hasSize(6);
        assertThat(metric(a, "lr/textencoder")).hasSize(6);
        assertThat(metric(a, "lr/unet").get(0)).isEqualTo(2e-3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(metricSteps(a, "loss/epoch_average")).containsExactly(1L, 2L, 3L);
        System.out.println("epoch averages " + metric(a, "loss/epoch_average") + ", losses " + current);

        // files named as sd-scripts names them, with kohya keys and metadata
        Path out = full.runDir().resolve("out");
        List<RunEvent.CheckpointSaved> saved = a.stream().filter(e -> e instanceof RunEvent.CheckpointSaved)
                .map(e -> (RunEvent.CheckpointSaved) e).toList();
        assertThat(saved).extracting(RunEvent.CheckpointSaved::file).containsExactly(
                out.resolve("tiny-000001.safetensors"), out.resolve("tiny-000002.safetensors"),
                out.resolve("tiny.safetensors"));
        assertThat(saved).extracting(RunEvent.CheckpointSaved::step).containsExactly(2L, 4L, 6L);
        try (SafetensorsFile f = SafetensorsFile.open(out.resolve("tiny.safetensors"))) {
            Set<String> names = f.tensors().stream().map(SafetensorsTensor::name).collect(Collectors.toSet());
            assertThat(names).allMatch(n -> n.matches(
                    "lora_(unet|te)_[a-z0-9_]+\\.(lora_down\\.weight|lora_up\\.weight|alpha)"));
            assertThat(names).contains("lora_unet_mid_block_attentions_0_proj_in.lora_down.weight",
                    "lora_unet_down_blocks_2_attentions_1_transformer_blocks_0_attn2_to_k.lora_up.weight",
                    "lora_unet_up_blocks_1_attentions_2_proj_out.alpha",
                    "lora_te_text_model_encoder_layers_1_mlp_fc2.lora_down.weight");
            SafetensorsTensor alpha = f.tensor("lora_unet_mid_block_attentions_0_proj_in.alpha");
            assertThat(alpha.shape()).isEmpty();
            assertThat(f.readFloats(alpha.name())).containsExactly(4f);
            assertThat(f.tensor("lora_unet_mid_block_attentions_0_proj_in.lora_down.weight").dtype().name())
                    .isEqualTo("F16");
            Map<String, String> meta = f.metadata();
            assertThat(meta).containsEntry("ss_output_name", "tiny").containsEntry("ss_network_dim", "4")
                    .containsEntry("ss_network_alpha", "4.0").containsEntry("ss_epoch", "3")
                    .containsEntry("ss_steps", "6").containsEntry("ss_max_train_steps", "6")
                    .containsEntry("ss_seed", "42").containsEntry("ss_resolution", "(256, 256)")
                    .containsEntry("ss_unet_lr", "0.002").containsEntry("ss_text_encoder_lr", "0.001")
                    .containsEntry("ss_min_snr_gamma", "5.0").containsEntry("ss_clip_skip", "2")
                    .containsEntry("ss_sd_model_name", "tiny-sd15.safetensors")
                    .containsEntry("ss_new_sd_model_hash", SHA).containsKey("sshs_model_hash");
            assertThat(meta.get("ss_training_comment")).contains("built-in engine");
            assertThat(meta.get("ss_tag_frequency")).contains("\"hello\": 3");
        }
        try (SafetensorsFile f = SafetensorsFile.open(out.resolve("tiny-000001.safetensors"))) {
            assertThat(f.metadata()).containsEntry("ss_epoch", "1").containsEntry("ss_steps", "2");
        }

        // the same spec stopped after epoch 1, then resumed: the same losses, the step count continued
        RunSpec stopped = spec(UUID.randomUUID());
        long t1 = System.nanoTime();
        List<RunEvent> b = run(stopped, false, (e, h) -> {
            if (e instanceof RunEvent.CheckpointSaved) {
                h.stop();
            }
        });
        assertThat(b.get(b.size() - 1)).isEqualTo(new RunEvent.Finished(RunState.CANCELLED, "stopped by the user"));
        assertThat(metric(b, "loss/current")).containsExactlyElementsOf(current.subList(0, 2));
        Path bOut = stopped.runDir().resolve("out");
        Path epoch1 = bOut.resolve("tiny-000001.safetensors");
        byte[] epoch1Bytes = Files.readAllBytes(epoch1);
        assertThat(Files.exists(bOut.resolve("tiny-000002.safetensors"))).isFalse();

        List<RunEvent> c = run(stopped, true, (e, h) -> { });
        System.out.printf("stopped + resumed run: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        assertThat(c.get(0)).isEqualTo(new RunEvent.StateChanged(RunState.STARTING, null));
        assertThat(c.get(c.size() - 1)).isEqualTo(new RunEvent.Finished(RunState.SUCCEEDED, null));
        assertThat(c.stream().filter(e -> e instanceof RunEvent.Progress).map(e -> ((RunEvent.Progress) e).step()))
                .containsExactly(3L, 4L, 5L, 6L);
        assertThat(metric(c, "loss/current")).containsExactlyElementsOf(current.subList(2, 6));
        assertThat(metric(c, "loss/average")).containsExactlyElementsOf(metric(a, "loss/average").subList(2, 6));
        assertThat(metricSteps(c, "loss/epoch_average")).containsExactly(2L, 3L);
        assertThat(Files.readAllBytes(epoch1)).isEqualTo(epoch1Bytes);
        assertThat(c.stream().filter(e -> e instanceof RunEvent.CheckpointSaved)
                .map(e -> ((RunEvent.CheckpointSaved) e).file()))
                .containsExactly(bOut.resolve("tiny-000002.safetensors"), bOut.resolve("tiny.safetensors"));
        try (SafetensorsFile x = SafetensorsFile.open(out.resolve("tiny.safetensors"));
             SafetensorsFile y = SafetensorsFile.open(bOut.resolve("tiny.safetensors"))) {
            String key = "lora_unet_mid_block_attentions_0_proj_in.lora_up.weight";
            assertThat(y.readFloats(key)).containsExactly(x.readFloats(key));
        }
    }

    static RunSpec withConfig(RunSpec s, Map<String, Object> changes) {
        TrainingConfig c = s.config();
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return new RunSpec(s.runId(), s.projectRoot(), s.engineId(), s.engineVersion(), c, null, s.baseModel(), SHA,
                s.dataset(), s.created());
    }

    static RunSpec sampledAndValidated() {
        return withConfig(spec(UUID.randomUUID()), Map.of("max_train_epochs", 2, "flip_aug", true,
                "validation_split", 0.34, "validation_seed", 5, "sample_every_n_epochs", 1,
                "sample_sampler", "euler_a",
                "sample_prompts", "hello world --n red --w 64 --h 128 --d 7 --l 6.5 --s 4\n"
                        + "# a comment\nhello --w 64 --h 64 --d 3 --s 3 --ss ddim"));
    }

    @Test
    void samplesAfterEachEpochValidationLossOnHeldOutImagesAndFlipAugAreReproducible() throws Exception {
        long t0 = System.nanoTime();
        RunSpec first = sampledAndValidated();
        List<RunEvent> a = run(first, false, (e, h) -> { });
        System.out.printf("sampled + validated run: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(a.get(a.size() - 1)).isEqualTo(new RunEvent.Finished(RunState.SUCCEEDED, null));
        List<String> logs = a.stream().filter(e -> e instanceof RunEvent.LogLine)
                .map(e -> ((RunEvent.LogLine) e).text()).toList();
        assertThat(logs).contains("1 of 3 images held out for the validation loss (validation_split 0.34, "
                + "validation_seed 5)").anyMatch(l -> l.contains("mirrored for flip_aug"))
                .anyMatch(l -> l.contains("total optimization steps: 2"))
                .anyMatch(l -> l.startsWith("generating sample images at step 1"));

        List<Double> validation = metric(a, "loss/validation/epoch_average");
        assertThat(metricSteps(a, "loss/validation/epoch_average")).containsExactly(1L, 2L);
        assertThat(validation).allSatisfy(v -> assertThat(v).isFinite().isPositive());

        List<RunEvent.SampleWritten> samples = a.stream().filter(e -> e instanceof RunEvent.SampleWritten)
                .map(e -> (RunEvent.SampleWritten) e).toList();
        assertThat(samples).extracting(RunEvent.SampleWritten::epoch).containsExactly(1, 1, 2, 2);
        assertThat(samples).extracting(RunEvent.SampleWritten::promptIndex).containsExactly(0, 1, 0, 1);
        assertThat(samples).extracting(RunEvent.SampleWritten::step).containsExactly(1L, 1L, 2L, 2L);
        Path sampleDir = first.runDir().resolve("out/sample");
        assertThat(samples.get(0).file().getParent()).isEqualTo(sampleDir);
        assertThat(samples.get(0).file().getFileName().toString()).matches("tiny_e000001_00_\\d{14}_7\\.png");
        assertThat(samples.get(3).file().getFileName().toString()).matches("tiny_e000002_01_\\d{14}_3\\.png");
        BufferedImage png = ImageIO.read(samples.get(0).file().toFile());
        assertThat(png.getWidth()).isEqualTo(64);
        assertThat(png.getHeight()).isEqualTo(128);
        String text = io.atelier.core.sampling.PngParameters.read(samples.get(0).file()).orElseThrow();
        assertThat(text).isEqualTo("hello world\nNegative prompt: red\nSteps: 4, Sampler: Euler a, CFG scale: 6.5, "
                + "Seed: 7, Size: 64x128, Model hash: " + SHA.substring(0, 10) + ", Model: tiny-sd15, Clip skip: 2, "
                + "LoRA: tiny, Epoch: 1, Version: LoRA Atelier built-in engine");
        assertThat(io.atelier.core.sampling.PngParameters.read(samples.get(1).file()).orElseThrow())
                .contains("Sampler: DDIM").contains("Steps: 3");

        try (SafetensorsFile f = SafetensorsFile.open(first.runDir().resolve("out/tiny.safetensors"))) {
            assertThat(f.metadata()).containsEntry("ss_flip_aug", "True").containsEntry("ss_num_train_images", "2")
                    .containsEntry("ss_num_validation_images", "1").containsEntry("ss_validation_split", "0.34")
                    .containsEntry("ss_validation_seed", "5");
        }

        // the same spec again: the same losses, validation losses and sample pixels
        RunSpec second = sampledAndValidated();
        List<RunEvent> b = run(second, false, (e, h) -> { });
        assertThat(metric(b, "loss/current")).containsExactlyElementsOf(metric(a, "loss/current"));
        assertThat(metric(b, "loss/validation/epoch_average")).containsExactlyElementsOf(validation);
        List<Path> again = b.stream().filter(e -> e instanceof RunEvent.SampleWritten)
                .map(e -> ((RunEvent.SampleWritten) e).file()).toList();
        for (int i = 0; i < samples.size(); i++) {
            assertThat(pixels(again.get(i))).as("sample %d", i).isEqualTo(pixels(samples.get(i).file()));
        }
    }

    static int[] pixels(Path png) throws java.io.IOException {
        BufferedImage i = ImageIO.read(png.toFile());
        return i.getRGB(0, 0, i.getWidth(), i.getHeight(), null, 0, i.getWidth());
    }

    @Test
    void badSamplePromptsAreRefusedBeforeAnythingLoads() {
        RunSpec badPrompt = withConfig(spec(UUID.randomUUID()), Map.of("sample_prompts", "ok\nhello --w 65"));
        assertThatThrownBy(() -> engine.start(badPrompt, settings, e -> { })).isInstanceOf(EngineException.class)
                .hasMessageContaining("sample_prompts line 2").hasMessageContaining("65");
        RunSpec oddSize = withConfig(spec(UUID.randomUUID()), Map.of("sample_prompts", "hello --w 520 --h 512"));
        assertThatThrownBy(() -> engine.start(oddSize, settings, e -> { })).isInstanceOf(EngineException.class)
                .hasMessageContaining("520x512").hasMessageContaining("multiples of 64");
    }

    @Test
    void resumingARunWithoutASavedStateIsRefused() {
        assertThatThrownBy(() -> engine.resume(spec(UUID.randomUUID()), settings, e -> { }))
                .isInstanceOf(EngineException.class).hasMessageContaining("no saved training state");
    }

    @Test
    void aMissingTokenizerFolderMakesTheEngineUnusableNamingWhereItLooked() {
        Path missing = tmp.resolve("no-tokenizer");
        EngineAvailability a = engine.availability(EngineSettings.NONE.with("tokenizer", missing.toString()));
        assertThat(a.usable()).isFalse();
        assertThat(a.cuda()).isFalse();
        assertThat(a.message()).contains(missing.toString()).contains(missing.resolve("tokenizer").toString())
                .contains("openai/clip-vit-large-patch14").contains("on the CPU");
        EngineAvailability ok = engine.availability(settings);
        assertThat(ok.usable()).as(ok.message()).isTrue();
        assertThat(engine.version(settings)).startsWith("DJL 0.36.0, PyTorch 2.7.1");
    }

    @Test
    void anSdxlCheckpointIsRefusedNamingTheFamily() throws Exception {
        Path sdxl = tmp.resolve("sd_xl_base_1.0.safetensors");
        new TestSafetensors()
                .put("model.diffusion_model.input_blocks.0.0.weight", Dtype.F32, new long[]{320, 4, 3, 3},
                        new float[320 * 36])
                .put("conditioner.embedders.0.transformer.text_model.final_layer_norm.weight", Dtype.BF16,
                        new long[]{4}, new float[4])
                .put("conditioner.embedders.1.model.ln_final.weight", Dtype.BF16, new long[]{4}, new float[4])
                .write(sdxl);
        RunSpec s = spec(UUID.randomUUID());
        RunSpec xl = new RunSpec(s.runId(), s.projectRoot(), s.engineId(), s.engineVersion(), s.config(), null, sdxl,
                SHA, s.dataset(), s.created());
        assertThatThrownBy(() -> engine.start(xl, settings, e -> { })).isInstanceOf(EngineException.class)
                .hasMessageContaining("SDXL").hasMessageContaining("SD 1.5 checkpoints only");
    }

    @Test
    void anotherOptimizerIsRefused() {
        RunSpec s = spec(UUID.randomUUID());
        RunSpec lion = new RunSpec(s.runId(), s.projectRoot(), s.engineId(), s.engineVersion(),
                s.config().with("optimizer_type", "Lion"), null, s.baseModel(), SHA, s.dataset(), s.created());
        assertThatThrownBy(() -> engine.start(lion, settings, e -> { })).isInstanceOf(EngineException.class)
                .hasMessageContaining("AdamW only");
    }

    static int indexOf(List<RunEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void isFoundThroughLookup() {
        assertThat(org.openide.util.Lookup.getDefault().lookupAll(io.atelier.core.run.TrainingEngine.class))
                .extracting(io.atelier.core.run.TrainingEngine::id).contains(BuiltinEngine.ID);
    }
}
