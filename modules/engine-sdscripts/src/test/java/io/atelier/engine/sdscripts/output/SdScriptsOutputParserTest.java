package io.atelier.engine.sdscripts.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output exactly as sd-scripts writes it (reference/sd-scripts.md §8), fed in awkward chunks. */
class SdScriptsOutputParserTest {

    private final List<RunEvent> events = new ArrayList<>();
    private final SdScriptsOutputParser.Course course = new SdScriptsOutputParser.Course();
    private final SdScriptsOutputParser stdout = new SdScriptsOutputParser(false, course, events::add);
    private final SdScriptsOutputParser stderr = new SdScriptsOutputParser(true, course, events::add);

    private <T extends RunEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aWholeRun() {
        stdout.accept("running training / 学習開始\n  total optimization steps / 学習ステップ数: 2000\n");
        stdout.accept("\nepoch 1/4\n");
        // tqdm redraws with \r, split across chunks at awkward places
        stderr.accept("steps:   0%|          | 0/2000 [00:00<?, ?it/s]\rsteps:  25%|██▌       | 500/20");
        stderr.accept("00 [08:21<25:03,  1.00s/it, avr_loss=0.0923]\rsteps:  25%|██▌       | 501/2000 [08:22<25:01,  "
                + "2.50it/s, avr_loss=nan]");
        stdout.accept("\nsaving checkpoint: /runs/r1/out/glshs-000001.safetensors\n");
        stdout.accept("\nepoch 2/4\n\nsaving checkpoint: /runs/r1/out/glshs.safetensors\nmodel saved.\n");
        stderr.close();
        stdout.close();

        List<RunEvent.Progress> progress = of(RunEvent.Progress.class);
        assertThat(progress).extracting(RunEvent.Progress::step).containsExactly(0L, 500L, 501L);
        assertThat(progress.get(1)).isEqualTo(new RunEvent.Progress(500, 2000, 1, 4, 1.0));
        assertThat(progress.get(2).stepsPerSecond()).isEqualTo(2.5);
        List<RunEvent.Metric> losses = of(RunEvent.Metric.class);
        assertThat(losses).hasSize(2);
        assertThat(losses.get(0)).isEqualTo(new RunEvent.Metric("loss/average", 500, 1, 0.0923));
        assertThat(losses.get(1).value()).isNaN();
        assertThat(of(RunEvent.CheckpointSaved.class)).extracting(RunEvent.CheckpointSaved::file, RunEvent.CheckpointSaved::epoch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Path.of("/runs/r1/out/glshs-000001.safetensors"), 1),
                        org.assertj.core.groups.Tuple.tuple(Path.of("/runs/r1/out/glshs.safetensors"), 2));
        assertThat(of(RunEvent.LogLine.class)).filteredOn(RunEvent.LogLine::stderr).hasSize(3);
        assertThat(course.totalSteps()).isEqualTo(2000);
        assertThat(course.outcome(0)).isEqualTo(new RunEvent.Finished(RunState.SUCCEEDED, null));
    }

    @Test
    void exitZeroWithNoDataFoundOrWithoutTheModelIsAFailure() {
        stdout.accept("No data found. Please verify arguments (train_data_dir must be the parent of folders with "
                + "images) / 画像がありません\n");
        RunEvent.Finished f = course.outcome(0);
        assertThat(f.state()).isEqualTo(RunState.FAILED);
        assertThat(f.reason()).contains("No data found");

        SdScriptsOutputParser.Course silent = new SdScriptsOutputParser.Course();
        assertThat(silent.outcome(0).reason()).isEqualTo("sd-scripts ended without saving the model");
        assertThat(silent.outcome(1).reason()).isEqualTo("sd-scripts exited with code 1");
    }

    @Test
    void knownErrorsAreExplained() {
        stderr.accept("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n");
        assertThat(course.outcome(1).reason()).contains("ran out of memory");
        SdScriptsOutputParser.Course c2 = new SdScriptsOutputParser.Course();
        new SdScriptsOutputParser(true, c2, e -> { }).accept("ImportError: No bitsandbytes / bitsandbytes\n");
        assertThat(c2.outcome(1).reason()).contains("bitsandbytes is not installed");
    }

    @Test
    void otherBarsAndPlainLinesAreOnlyLogged() {
        stderr.accept("100%|██████████| 13/13 [00:00<00:00, 100.00it/s]\r\n");
        stderr.accept("validation steps:  50%|█████     | 1/2 [00:01<00:01,  1.00it/s, val_avg_loss=0.1]\n");
        assertThat(of(RunEvent.Progress.class)).isEmpty();
        assertThat(of(RunEvent.LogLine.class)).hasSize(2);
    }
}
