package io.atelier.engine.sdscripts.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.run.EngineSettings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPartsTest {

    @TempDir
    Path tmp;

    @Test
    void linesAreUtf8ExceptThoseThatAreNot() {
        byte[] utf8 = "学習開始 café\n".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "café €5 \u201cquoted\u201d\r".getBytes(Charset.forName("windows-1252"));
        byte[] undefined = {'x', (byte) 0x81, (byte) 0x9d, '\n'};
        byte[] all = new byte[utf8.length + cp1252.length + undefined.length];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        System.arraycopy(cp1252, 0, all, utf8.length, cp1252.length);
        System.arraycopy(undefined, 0, all, utf8.length + cp1252.length, undefined.length);
        LineDecoder d = new LineDecoder();
        StringBuilder out = new StringBuilder();
        // one byte at a time: a multi-byte character split across reads still decodes
        for (byte b : all) {
            d.feed(new byte[] {b}, 1, out);
        }
        d.finish(out);
        assertThat(out.toString()).isEqualTo("学習開始 café\ncafé €5 \u201cquoted\u201d\rx\u0081\u009d\n");
    }

    @Test
    void namesOfCheckpointsAndSamplesAreParsed() {
        OutputNames n = new OutputNames("my.char", "safetensors");
        assertThat(n.checkpoint("my.char-000001.safetensors").orElseThrow())
                .isEqualTo(new OutputNames.CheckpointName(Optional.of(1), Optional.empty()));
        assertThat(n.checkpoint("my.char-step00000500.safetensors").orElseThrow())
                .isEqualTo(new OutputNames.CheckpointName(Optional.empty(), Optional.of(500L)));
        assertThat(n.checkpoint("my.char.safetensors").orElseThrow().isFinal()).isTrue();
        assertThat(n.checkpoint("myXchar.safetensors")).isEmpty();
        assertThat(n.checkpoint("my.char-000001-state")).isEmpty();
        assertThat(n.sample("my.char_e000002_00_20260216093015_42.png").orElseThrow())
                .isEqualTo(new OutputNames.SampleName(Optional.of(2), Optional.empty(), 0));
        assertThat(n.sample("my.char_000500_01_20260216093412.png").orElseThrow())
                .isEqualTo(new OutputNames.SampleName(Optional.empty(), Optional.of(500L), 1));
        assertThat(n.sample("my.char_1000500_11_20260216093412.png").orElseThrow().step()).contains(1_000_500L);
        assertThat(n.sample("other_e000002_00_20260216093015.png")).isEmpty();
    }

    @Test
    void commandWithoutAccelerateSetsTheGpuAndThePythonEnvironment() throws Exception {
        StandInFixture f = new StandInFixture(tmp, 1);
        SdScriptsSettings s = SdScriptsSettings.from(f.settings(Map.of()).with(SdScriptsSettings.GPU, "2"));
        Path config = tmp.resolve("train.toml");
        LaunchCommand c = LaunchCommand.of(s, BuiltInPresets.sd15(), config, Optional.of(tmp.resolve("x-state")));
        assertThat(c.command()).containsExactly(f.bin.resolve("python").toString(),
                f.sdScripts.resolve("train_network.py").toString(), "--config_file", config.toString(),
                "--console_log_simple", "--resume", tmp.resolve("x-state").toString());
        assertThat(c.environment()).containsEntry("CUDA_VISIBLE_DEVICES", "2").containsEntry("PYTHONUNBUFFERED", "1")
                .containsEntry("PYTHONUTF8", "1").containsEntry("PYTHONIOENCODING", "utf-8");
        assertThat(c.workingDir()).isEqualTo(f.sdScripts);

        // a relative Python path is relative to the sd-scripts folder, the child's working directory
        Path venv = f.sdScripts.resolve("venv/bin/python");
        Files.createDirectories(venv.getParent());
        Files.copy(f.bin.resolve("python"), venv);
        LaunchCommand relative = LaunchCommand.of(SdScriptsSettings.from(f.settings(Map.of())
                .with(SdScriptsSettings.PYTHON, "venv/bin/python")), BuiltInPresets.sd15(), config, Optional.empty());
        assertThat(relative.command().get(0)).isEqualTo(venv.toString());
    }

    @Test
    void settingsRoundTripAndPreferTheCheckoutsVenv() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sd-scripts"));
        SdScriptsSettings plain = SdScriptsSettings.from(EngineSettings.NONE.with(SdScriptsSettings.DIR,
                dir.toString()));
        assertThat(plain.python()).isEqualTo(SdScriptsSettings.isWindows() ? "python" : "python3");
        Path venv = dir.resolve(SdScriptsSettings.isWindows() ? "venv/Scripts/python.exe" : "venv/bin/python");
        Files.createDirectories(venv.getParent());
        Files.writeString(venv, "");
        SdScriptsSettings s = SdScriptsSettings.from(EngineSettings.NONE.with("dir", dir.toString())
                .with("accelerate", "accelerate").with("gpu", "0"));
        assertThat(s.python()).isEqualTo(venv.toString());
        assertThat(SdScriptsSettings.from(s.toSettings())).isEqualTo(s);
        assertThat(s.toSettings().values()).containsOnlyKeys("dir", "python", "accelerate", "gpu");
    }

    @Test
    void theNewestStateIsChosenByTheRunsStepAcrossSegments() throws Exception {
        Path run = tmp.resolve("run");
        state(run.resolve("out/tok-000001-state"), 1, 3);
        state(run.resolve("out/tok-000002-state"), 2, 6);
        Files.createDirectories(run.resolve("out/tok-000003-state")); // cut short: no train_state.json
        state(run.resolve("out-resume1/tok-000003-state"), 3, 3);
        List<Segment> segments = List.of(Segment.first(), Segment.resume(1, 6, "out/tok-000002-state"));
        Segments.write(run, segments);
        assertThat(Segments.read(run)).isEqualTo(segments);
        TrainState newest = TrainState.newest(run, Segments.read(run)).orElseThrow();
        assertThat(newest.folder()).isEqualTo(run.resolve("out-resume1/tok-000003-state"));
        assertThat(newest.runStep()).isEqualTo(9);
        assertThat(TrainState.newest(tmp.resolve("nothing"), List.of(Segment.first()))).isEmpty();
    }

    @Test
    void progressBarsAreNotErrorLines() {
        assertThat(ConsoleRelay.isProgressBar("steps:  25%|██▌       | 500/2000 [08:21<25:03,  1.00s/it]")).isTrue();
        assertThat(ConsoleRelay.isProgressBar(" 40%|████      | 4/10 [00:01<00:02,  3.00it/s]")).isTrue();
        assertThat(ConsoleRelay.isProgressBar("torch.OutOfMemoryError: CUDA out of memory.")).isFalse();
        assertThat(MetricFollower.isPerEpoch("loss/epoch_average")).isTrue();
        assertThat(MetricFollower.isPerEpoch("loss/validation/epoch_divergence")).isTrue();
        assertThat(MetricFollower.isPerEpoch("loss/validation/step_average")).isFalse();
    }

    private static void state(Path dir, int epoch, long step) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("train_state.json"), "{\"current_epoch\": " + epoch + ", \"current_step\": "
                + step + "}");
    }
}
