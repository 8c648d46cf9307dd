package io.atelier.engine.sdscripts.launch;

import static io.atelier.engine.sdscripts.launch.StandInFixture.EPOCHS;
import static io.atelier.engine.sdscripts.launch.StandInFixture.NAME;
import static io.atelier.engine.sdscripts.launch.StandInFixture.STEPS_PER_EPOCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunState;
import io.atelier.core.run.TrainingEngine;
import io.atelier.engine.sdscripts.launch.StandInFixture.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SdScriptsEngineTest {

    private static final long TOTAL = EPOCHS * STEPS_PER_EPOCH;

    @TempDir
    Path tmp;

    private final SdScriptsEngine engine = new SdScriptsEngine();

    @Test
    void isRegisteredAsATrainingEngine() {
        assertThat(ServiceLoader.load(TrainingEngine.class).stream().map(p -> p.get().id()))
                .contains(SdScriptsEngine.ID);
        assertThat(engine.canResume()).isTrue();
        assertThat(engine.name()).isEqualTo("kohya sd-scripts");
    }

    @Test
    void aFullRunReportsEverythingInOrderAndSucceeds() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        RunSpec spec = f.spec(StandInFixture.config());
        Recorder r = new Recorder();
        RunHandle h = engine.start(spec, f.settings(Map.of("STANDIN_STEP_MS", "120")), r);
        RunEvent.Finished end = await(h);

        assertThat(end.state()).as(end.reason() + "\n" + String.join("\n", r.lines())).isEqualTo(RunState.SUCCEEDED);
        assertThat(r.events.get(0)).isEqualTo(new RunEvent.StateChanged(RunState.STARTING, null));
        assertThat(r.events.get(1)).isEqualTo(new RunEvent.StateChanged(RunState.RUNNING, null));
        assertThat(r.events.get(r.events.size() - 1)).isEqualTo(end);
        assertThat(h.alive()).isFalse();

        List<RunEvent.Progress> progress = r.of(RunEvent.Progress.class);
        assertThat(progress).isNotEmpty();
        assertThat(progress).extracting(RunEvent.Progress::step).isSorted();
        RunEvent.Progress last = progress.get(progress.size() - 1);
        assertThat(last.step()).isEqualTo(TOTAL);
        assertThat(last.totalSteps()).isEqualTo(TOTAL);
        assertThat(last.epoch()).isEqualTo(EPOCHS);
        assertThat(last.totalEpochs()).isEqualTo(EPOCHS);

        assertExactSeries(r.of(RunEvent.Metric.class), 1, TOTAL);
        assertConsoleAverageOnlyBeforeTensorBoard(r.of(RunEvent.Metric.class));

        Path out = spec.runDir().resolve("out");
        assertThat(r.of(RunEvent.CheckpointSaved.class)).containsExactly(
                new RunEvent.CheckpointSaved(out.resolve(NAME + "-000001.safetensors"), 1, 3),
                new RunEvent.CheckpointSaved(out.resolve(NAME + "-000002.safetensors"), 2, 6),
                new RunEvent.CheckpointSaved(out.resolve(NAME + ".safetensors"), 3, 9));
        List<RunEvent.SampleWritten> samples = r.of(RunEvent.SampleWritten.class);
        assertThat(samples).hasSize(EPOCHS * 2);
        assertThat(samples).extracting(s -> s.epoch() + "/" + s.step() + "/" + s.promptIndex())
                .containsExactly("1/3/0", "1/3/1", "2/6/0", "2/6/1", "3/9/0", "3/9/1");
        assertThat(samples.get(0).file().getFileName().toString()).matches(NAME + "_e000001_00_\\d{14}_42\\.png");
        assertThat(samples.get(1).file().getFileName().toString()).matches(NAME + "_e000001_01_\\d{14}_1234\\.png");
        // every file event comes after the process reported that it reached that point
        assertThat(r.lines()).contains("running training / 学習開始", "model saved.");

        JsonNode toml = new TomlMapper().readTree(spec.runDir().resolve("train.toml").toFile());
        assertThat(toml.path("save_state").asBoolean()).isTrue();
        assertThat(toml.path("output_dir").asText()).isEqualTo(out.toAbsolutePath().toString());
        JsonNode ds = new TomlMapper().readTree(spec.runDir().resolve("dataset.toml").toFile());
        assertThat(ds.path("datasets").path(0).path("subsets").path(0).path("image_dir").asText())
                .isEqualTo(f.project.resolve("dataset").toAbsolutePath().toString());
        assertThat(Segments.read(spec.runDir())).containsExactly(Segment.first());
    }

    @Test
    void noDataFoundWithExitZeroIsAFailure() throws Exception {
        StandInFixture f = new StandInFixture(tmp, 0);
        Recorder r = new Recorder();
        RunEvent.Finished end = await(engine.start(f.spec(StandInFixture.config()), f.settings(Map.of()), r));
        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(end.reason()).contains("No data found");
        assertThat(r.lines()).anyMatch(l -> l.startsWith("No data found. Please verify arguments"));
    }

    @Test
    void outOfMemoryFailsNamingItWithTheLastErrorLines() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        Recorder r = new Recorder();
        RunEvent.Finished end = await(engine.start(f.spec(StandInFixture.config()),
                f.settings(Map.of("STANDIN_FAIL", "oom")), r));
        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(end.reason()).contains("ran out of memory")
                .contains("torch.OutOfMemoryError: CUDA out of memory");
        assertThat(end.reason()).doesNotContain("steps:");
    }

    @Test
    void stopEndsTheWholeProcessTree() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        Recorder r = new Recorder();
        RunHandle h = engine.start(f.spec(StandInFixture.config()), f.settings(Map.of("STANDIN_HANG", "1")), r);
        long child = awaitChildPid(r);
        assertThat(h.process().descendants().map(ProcessHandle::pid)).contains(child);
        h.stop();
        RunEvent.Finished end = await(h);
        assertThat(end).isEqualTo(new RunEvent.Finished(RunState.CANCELLED, "stopped by the user"));
        assertThat(h.process().isAlive()).isFalse();
        assertThat(waitDead(child)).as("the stand-in's child process " + child).isTrue();
    }

    @Test
    void aProcessKilledFromOutsideFails() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        Recorder r = new Recorder();
        RunHandle h = engine.start(f.spec(StandInFixture.config()), f.settings(Map.of("STANDIN_HANG", "1")), r);
        long child = awaitChildPid(r);
        try {
            h.process().destroyForcibly();
            RunEvent.Finished end = await(h);
            assertThat(end.state()).isEqualTo(RunState.FAILED);
            assertThat(end.reason()).isEqualTo("the sd-scripts process was killed from outside (exit code 137)");
        } finally {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aMissingPythonIsNamedBeforeAnythingIsWritten() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        RunSpec spec = f.spec(StandInFixture.config());
        Path nope = f.bin.resolve("nope-python");
        EngineSettings s = EngineSettings.NONE.with(SdScriptsSettings.DIR, f.sdScripts.toString())
                .with(SdScriptsSettings.PYTHON, nope.toString());
        Recorder r = new Recorder();
        assertThatThrownBy(() -> engine.start(spec, s, r)).isInstanceOf(EngineException.class)
                .hasMessageContaining(nope.toString()).hasMessageContaining("does not exist")
                .hasMessageContaining("\"python\"");
        assertThatThrownBy(() -> engine.start(spec, s.with(SdScriptsSettings.PYTHON, "no-such-python-here"), r))
                .isInstanceOf(EngineException.class).hasMessageContaining("\"no-such-python-here\" was not found on PATH");
        Path notExecutable = Files.writeString(f.bin.resolve("plain"), "");
        assertThatThrownBy(() -> engine.start(spec, s.with(SdScriptsSettings.PYTHON, notExecutable.toString()), r))
                .isInstanceOf(EngineException.class).hasMessageContaining("is not executable");
        assertThat(spec.runDir().resolve("train.toml")).doesNotExist();
        assertThat(r.events).isEmpty();
    }

    @Test
    void aLineThatIsNotUtf8ArrivesIntact() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        Recorder r = new Recorder();
        RunEvent.Finished end = await(engine.start(f.spec(StandInFixture.config()),
                f.settings(Map.of("STANDIN_LATIN1", "1")), r));
        assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(r.lines()).contains(SdScriptsStandIn.LATIN1_TEXT, "  num epochs / epoch数: 3");
    }

    @Test
    void accelerateLaunchGetsTheSingleGpuOptions() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        RunSpec spec = f.spec(StandInFixture.config());
        Path args = tmp.resolve("args.txt");
        Path accelerate = f.wrapper("accelerate", Map.of("STANDIN_ARGS_FILE", args.toString()));
        EngineSettings s = f.settings(Map.of()).with(SdScriptsSettings.ACCELERATE, accelerate.toString())
                .with(SdScriptsSettings.GPU, "1");
        Recorder r = new Recorder();
        RunEvent.Finished end = await(engine.start(spec, s, r));
        assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(Files.readAllLines(args)).containsExactly("launch", "--num_cpu_threads_per_process", "1",
                "--mixed_precision", "bf16", "--num_processes", "1", "--num_machines", "1", "--dynamo_backend", "no",
                "--gpu_ids", "1", f.sdScripts.resolve("sdxl_train_network.py").toString(),
                "--config_file", spec.runDir().resolve("train.toml").toAbsolutePath().toString(),
                "--console_log_simple");
    }

    @Test
    void resumeContinuesTheStepCountAndTheMetricSeriesInNewFolders() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        RunSpec spec = f.spec(StandInFixture.config());
        Recorder first = new Recorder();
        RunEvent.Finished end1 = await(engine.start(spec, f.settings(Map.of("STANDIN_DIE_AFTER_EPOCH", "2",
                "STANDIN_STEP_MS", "60")), first));
        assertThat(end1.state()).isEqualTo(RunState.FAILED);
        assertThat(end1.reason()).contains("killed from outside");
        Path out1 = spec.runDir().resolve("out");
        assertThat(first.of(RunEvent.CheckpointSaved.class)).extracting(RunEvent.CheckpointSaved::file)
                .containsExactly(out1.resolve(NAME + "-000001.safetensors"), out1.resolve(NAME + "-000002.safetensors"));
        Map<String, String> before = hashes(out1);

        Recorder second = new Recorder();
        RunEvent.Finished end2 = await(engine.resume(spec, f.settings(Map.of("STANDIN_STEP_MS", "60")), second));
        assertThat(end2.state()).as(end2.reason()).isEqualTo(RunState.SUCCEEDED);

        Path out2 = spec.runDir().resolve("out-resume1");
        assertThat(Segments.read(spec.runDir())).containsExactly(Segment.first(),
                new Segment(2, "out-resume1", "logs-resume1", "train-resume1.toml", 6,
                        java.util.Optional.of("out/" + NAME + "-000002-state")));
        assertThat(hashes(out1)).as("segment 1's files are untouched").isEqualTo(before);

        List<RunEvent.Progress> progress = second.of(RunEvent.Progress.class);
        assertThat(progress).extracting(RunEvent.Progress::step).isSorted().allMatch(s -> s >= 6);
        assertThat(progress.get(progress.size() - 1).step()).isEqualTo(TOTAL);
        assertThat(second.of(RunEvent.CheckpointSaved.class)).containsExactly(
                new RunEvent.CheckpointSaved(out2.resolve(NAME + ".safetensors"), 3, 9));
        assertThat(second.of(RunEvent.SampleWritten.class)).extracting(s -> s.epoch() + "/" + s.step())
                .containsExactly("3/9", "3/9");

        List<RunEvent.Metric> all = new ArrayList<>(first.of(RunEvent.Metric.class));
        all.addAll(second.of(RunEvent.Metric.class));
        assertExactSeries(all, 1, TOTAL);
        List<String> args = Files.readAllLines(spec.runDir().resolve("train-resume1.toml"));
        assertThat(args).anyMatch(l -> l.contains("out-resume1")).anyMatch(l -> l.contains("logs-resume1"));
    }

    @Test
    void resumeWithoutAStateNamesTheFoldersSearched() throws Exception {
        StandInFixture f = new StandInFixture(tmp, StandInFixture.IMAGES);
        RunSpec spec = f.spec(StandInFixture.config());
        assertThatThrownBy(() -> engine.resume(spec, f.settings(Map.of()), new Recorder()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("no saved training state")
                .hasMessageContaining(spec.runDir().resolve("out").toString());
    }

    /**
     * The TensorBoard values for every step from {@code from} to {@code to} are there with the stand-in's exact
     * values, at the run's step and epoch, once each; the per-epoch average has step = epoch.
     */
    private static void assertExactSeries(List<RunEvent.Metric> metrics, long from, long to) {
        Map<String, Map<Long, List<RunEvent.Metric>>> byName = new HashMap<>();
        for (RunEvent.Metric m : metrics) {
            byName.computeIfAbsent(m.name(), k -> new TreeMap<>()).computeIfAbsent(m.step(), k -> new ArrayList<>())
                    .add(m);
        }
        for (long step = from; step <= to; step++) {
            int epoch = (int) ((step - 1) / STEPS_PER_EPOCH + 1);
            int i = (int) ((step - 1) % STEPS_PER_EPOCH + 1);
            assertThat(byName.get("loss/current").get(step)).as("loss/current at " + step)
                    .containsExactly(new RunEvent.Metric("loss/current", step, epoch, SdScriptsStandIn.loss(epoch, i)));
            assertThat(byName.get("loss/average").get(step)).as("loss/average at " + step)
                    .contains(new RunEvent.Metric("loss/average", step, epoch, SdScriptsStandIn.average(epoch, i)));
            assertThat(byName.get("lr/unet").get(step)).containsExactly(new RunEvent.Metric("lr/unet", step, epoch,
                    SdScriptsStandIn.lr(SdScriptsStandIn.UNET_LR, step, TOTAL)));
            assertThat(byName.get("lr/textencoder").get(step)).hasSize(1);
        }
        assertThat(byName.get("loss/current")).hasSize((int) (to - from + 1));
        for (int e = 1; e <= EPOCHS; e++) {
            float sum = 0;
            for (int i = 1; i <= STEPS_PER_EPOCH; i++) {
                sum += SdScriptsStandIn.loss(e, i);
            }
            assertThat(byName.get("loss/epoch_average").get((long) e)).as("loss/epoch_average of epoch " + e)
                    .containsExactly(new RunEvent.Metric("loss/epoch_average", e, e, sum / STEPS_PER_EPOCH));
        }
    }

    /** Once the first exact TensorBoard loss/average arrived, every later loss/average is a TensorBoard value. */
    private static void assertConsoleAverageOnlyBeforeTensorBoard(List<RunEvent.Metric> metrics) {
        List<RunEvent.Metric> averages = metrics.stream().filter(m -> m.name().equals("loss/average")).toList();
        int firstExact = -1;
        for (int k = 0; k < averages.size(); k++) {
            if (isExactAverage(averages.get(k))) {
                firstExact = k;
                break;
            }
        }
        assertThat(firstExact).isGreaterThanOrEqualTo(0);
        assertThat(averages.subList(firstExact, averages.size())).allMatch(SdScriptsEngineTest::isExactAverage);
    }

    private static boolean isExactAverage(RunEvent.Metric m) {
        int epoch = (int) ((m.step() - 1) / STEPS_PER_EPOCH + 1);
        int i = (int) ((m.step() - 1) % STEPS_PER_EPOCH + 1);
        return m.value() == SdScriptsStandIn.average(epoch, i);
    }

    static RunEvent.Finished await(RunHandle h) throws Exception {
        return h.finished().toCompletableFuture().get(45, TimeUnit.SECONDS);
    }

    private static long awaitChildPid(Recorder r) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : r.lines()) {
                if (l.startsWith("standin child pid ")) {
                    return Long.parseLong(l.substring("standin child pid ".length()).strip());
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the stand-in never reported its child: " + r.lines());
    }

    private static boolean waitDead(long pid) throws InterruptedException {
        for (int k = 0; k < 50; k++) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            } else {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
