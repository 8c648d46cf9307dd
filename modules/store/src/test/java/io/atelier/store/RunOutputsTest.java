package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runs produce: progress, metric series, files, and the settings beside them. */
class RunOutputsTest {

    @TempDir
    Path home;

    @Test
    void metricValuesReplaceByStepAndAReaderSeesOnlyWhatChanged() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            UUID run = UUID.randomUUID();
            store.runs().enqueue(run, home.resolve("loras/mira"), "sd-scripts", "{}");
            MetricRepository metrics = store.metrics();
            metrics.append(run, List.of(new RunEvent.Metric("loss/average", 1, 1, 0.2),
                    new RunEvent.Metric("loss/average", 2, 1, 0.18), new RunEvent.Metric("lr/unet", 1, 1, 1e-4)));
            List<MetricPoint> first = metrics.since(run, 0, 1000);
            assertThat(first).extracting(MetricPoint::name, MetricPoint::step, MetricPoint::value).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("loss/average", 1L, 0.2),
                    org.assertj.core.groups.Tuple.tuple("loss/average", 2L, 0.18),
                    org.assertj.core.groups.Tuple.tuple("lr/unet", 1L, 1e-4));
            long seen = first.get(first.size() - 1).seq();

            // TensorBoard's exact value for step 2 replaces the console's, and a diverged step keeps its NaN
            metrics.append(run, List.of(new RunEvent.Metric("loss/average", 2, 1, 0.1834),
                    new RunEvent.Metric("loss/average", 3, 1, Double.NaN)));
            assertThat(metrics.since(run, seen, 1000)).extracting(MetricPoint::step).containsExactly(2L, 3L);
            assertThat(metrics.series(run, "loss/average")).extracting(MetricPoint::value)
                    .containsExactly(0.2, 0.1834, Double.NaN);
            assertThat(metrics.summary(run)).extracting(MetricSummary::name, MetricSummary::count,
                    MetricSummary::lastStep).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("loss/average", 3L, 3L),
                    org.assertj.core.groups.Tuple.tuple("lr/unet", 1L, 1L));
        }
    }

    @Test
    void progressFilesAndTimesSurviveARestart() throws Exception {
        UUID run = UUID.randomUUID();
        Path lora = home.resolve("loras/mira/runs/x/out/mira-000001.safetensors");
        try (Store store = Store.open(new StoreLocation(home))) {
            RunRepository runs = store.runs();
            runs.enqueue(run, home.resolve("loras/mira"), "sd-scripts", "{}");
            runs.transition(run, RunState.QUEUED, RunState.STARTING, null);
            runs.transition(run, RunState.STARTING, RunState.RUNNING, null);
            runs.progress(run, new RunEvent.Progress(500, 2000, 1, 4, 1.5));
            runs.recordFile(run, new RunFile(lora, RunFile.Kind.CHECKPOINT, 1, 500, -1, Instant.now()));
            runs.recordFile(run, new RunFile(lora, RunFile.Kind.CHECKPOINT, 1, 500, -1, Instant.now()));
            runs.transition(run, RunState.RUNNING, RunState.INTERRUPTED, "the app was closed");
        }
        try (Store store = Store.open(new StoreLocation(home))) {
            StoredRun stored = store.runs().find(run).orElseThrow();
            assertThat(stored.progress()).isEqualTo(new RunEvent.Progress(500, 2000, 1, 4, 1.5));
            assertThat(stored.started()).isNotNull();
            assertThat(stored.ended()).isNotNull();
            assertThat(store.runs().files(run)).extracting(RunFile::path).containsExactly(lora);

            StoredRun again = store.runs().requeue(run, RunState.INTERRUPTED, true);
            assertThat(again.resume()).isTrue();
            assertThat(again.ended()).isNull();
            assertThat(again.queuePosition()).isNotNull();
            StoredRun starting = store.runs().transition(run, RunState.QUEUED, RunState.STARTING, null);
            assertThat(starting.resume()).as("kept until the runner has resumed it").isTrue();
        }
    }

    @Test
    void settingsAreSetReadByPrefixAndRemovedWhenBlank() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            SettingsRepository settings = store.settings();
            settings.putAll(java.util.Map.of("engine.sd-scripts.dir", " /opt/sd-scripts ",
                    "engine.sd-scripts.python", "/opt/venv/bin/python", "engine.sd_other.x", "1"));
            assertThat(settings.withPrefix("engine.sd-scripts.")).containsOnly(
                    java.util.Map.entry("dir", "/opt/sd-scripts"), java.util.Map.entry("python", "/opt/venv/bin/python"));
            settings.put("engine.sd-scripts.python", " ");
            assertThat(settings.get("engine.sd-scripts.python")).isEmpty();
            assertThat(settings.get("engine.sd-scripts.dir")).contains("/opt/sd-scripts");
        }
    }

    @Test
    void aHundredThousandValuesGoInWithinASecondOrTwo() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            UUID run = UUID.randomUUID();
            store.runs().enqueue(run, home.resolve("loras/mira"), "sd-scripts", "{}");
            List<RunEvent.Metric> batch = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 1; i <= 100_000; i++) {
                batch.add(new RunEvent.Metric(i % 2 == 0 ? "loss/current" : "lr/unet", i, 1 + i / 10_000, 0.1));
                if (batch.size() == 5_000) {
                    store.metrics().append(run, batch);
                    batch.clear();
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(store.metrics().since(run, 0, 200_000)).hasSize(100_000);
            System.out.println("100,000 metric values stored in " + millis + " ms");
        }
        // H2 2.3 could lose the last changes while compacting on close (h2database#4086): they must all be there
        try (Store again = Store.open(new StoreLocation(home))) {
            assertThat(again.report().notices()).isEmpty();
            assertThat(again.runs().list()).hasSize(1);
            assertThat(again.metrics().since(again.runs().list().get(0).id(), 0, 200_000)).hasSize(100_000);
        }
    }
}
