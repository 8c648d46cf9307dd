package io.atelier.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.params.Params;
import io.atelier.core.params.ProjectConfig;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.core.run.RunState;
import io.atelier.store.MetricPoint;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import io.atelier.store.StoredRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunServiceTest {

    @TempDir
    Path home;

    private Store store;
    private final ScriptedEngine engine = new ScriptedEngine();
    private RunService service;
    private String baseSha;

    @BeforeEach
    void openStore() throws Exception {
        store = Store.open(new StoreLocation(home.resolve("atelier")));
        Path model = Files.write(home.resolve("base.safetensors"), new byte[]{1, 2, 3});
        baseSha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(new byte[]{1, 2, 3}));
        store.baseModels().add(new BaseModel("SDXL base", BaseModelFamily.SDXL, model, 3, baseSha, Instant.now()));
        service = new RunService(store, new EngineCatalog(store, List.of(engine)));
    }

    @AfterEach
    void close() {
        service.close(Duration.ofSeconds(5));
        store.close();
    }

    private Path project(String name, boolean withBaseModel, int images) throws Exception {
        Path root = home.resolve("loras").resolve(name);
        LoraProject project = LoraProject.create(name, name + "_trg", LoraKind.CHARACTER, BaseModelFamily.SDXL);
        ProjectDescriptor.write(root, project);
        ProjectLayout layout = new ProjectLayout(root);
        ProjectConfig config = ProjectConfig.startingPoint(project);
        if (withBaseModel) {
            config = config.with(config.config().with(Params.BASE_MODEL, baseSha));
        }
        config.write(layout);
        Files.createDirectories(layout.dataset());
        for (int i = 1; i <= images; i++) {
            Files.write(layout.dataset().resolve(String.format("%02d.png", i)), new byte[]{(byte) i});
            if (i % 2 == 1) {
                Files.writeString(layout.dataset().resolve(String.format("%02d.txt", i)), name + "_trg, smile");
            }
        }
        return root;
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSubmittedRunIsFrozenWithItsDatasetAndBaseModelHashes() throws Exception {
        Path root = project("mira", true, 3);
        StoredRun run = service.submit(root, "scripted", () -> false);

        RunSpec spec = RunSpecJson.read(run.spec());
        assertThat(spec.baseModelSha256()).isEqualTo(baseSha);
        assertThat(spec.preset()).isNotBlank();
        assertThat(spec.dataset()).extracting(e -> e.file()).containsExactly("01.png", "02.png", "03.png");
        assertThat(spec.dataset().get(0).captionHash()).isNotNull();
        assertThat(spec.dataset().get(1).captionHash()).as("02 has no caption").isNull();
        assertThat(spec.engineId()).isEqualTo("scripted");
        assertThat(Files.readString(spec.runDir().resolve("spec.json"), StandardCharsets.UTF_8)).isEqualTo(run.spec());
        assertThat(RunSpecJson.read(run.spec())).isEqualTo(spec);
        assertThat(run.state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void aRunThatCannotBeFrozenIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> service.submit(project("noBase", false, 2), "scripted", () -> false))
                .isInstanceOf(RunException.class).hasMessageContaining("names no base model");
        assertThatThrownBy(() -> service.submit(project("empty", true, 0), "scripted", () -> false))
                .isInstanceOf(RunException.class).hasMessageContaining("there are no images in");
        assertThatThrownBy(() -> service.submit(project("other", true, 1), "dreambooth", () -> false))
                .isInstanceOf(RunException.class).hasMessageContaining("no training engine \"dreambooth\"");
        assertThat(store.runs().list()).isEmpty();
    }

    @Test
    void theQueueRunsOneAtATimeAndRecordsMetricsProgressAndTheLog() throws Exception {
        engine.hold = new CountDownLatch(1);
        StoredRun first = service.submit(project("a", true, 1), "scripted", () -> false);
        StoredRun second = service.submit(project("b", true, 1), "scripted", () -> false);
        service.startDispatching();

        await("the first run to go", () -> state(first.id()) == RunState.RUNNING);
        Thread.sleep(600);
        assertThat(state(second.id())).as("one run per GPU").isEqualTo(RunState.QUEUED);
        engine.hold.countDown();

        StoredRun ended = service.whenEnded(first.id()).get(20, TimeUnit.SECONDS);
        assertThat(ended.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(ended.progress().step()).isEqualTo(20);
        List<MetricPoint> loss = store.metrics().series(first.id(), "loss/current");
        assertThat(loss).hasSize(20);
        assertThat(loss.get(19).value()).isEqualTo(1.0 / 20);
        Path runDir = first.projectFolder().resolve("runs").resolve(first.id().toString());
        assertThat(Files.readAllLines(RunLog.file(runDir))).hasSize(20).startsWith("step 1");
        assertThat(service.whenEnded(second.id()).get(20, TimeUnit.SECONDS).state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void aSampleTheEngineWritesIsInTheGalleryWithItsPromptSeedAndBaseModel() throws Exception {
        engine.writeSample = true;
        Path root = project("s", true, 1);
        ProjectLayout layout = new ProjectLayout(root);
        ProjectConfig config = ProjectConfig.read(layout, ProjectDescriptor.read(root));
        config.with(config.config().with(Params.SAMPLE_PROMPTS,
                "s_trg, smiling --n blurry --w 1024 --h 1024 --d 42 --l 6 --s 24")).write(layout);
        StoredRun run = service.submit(root, "scripted", () -> false);
        service.startDispatching();
        assertThat(service.whenEnded(run.id()).get(20, TimeUnit.SECONDS).state()).isEqualTo(RunState.SUCCEEDED);

        List<io.atelier.core.gallery.SampleImage> samples = store.gallery().samples(run.id());
        assertThat(samples).hasSize(1);
        io.atelier.core.gallery.SampleImage s = samples.get(0);
        assertThat(s.file().getFileName().toString()).isEqualTo("x_e000001_00_20261129101500_42.png");
        assertThat(s.source()).isEqualTo(io.atelier.core.gallery.SampleImage.Source.RUN);
        assertThat(s.epoch()).isEqualTo(1);
        assertThat(s.step()).isEqualTo(20);
        assertThat(s.prompt()).isEqualTo("s_trg, smiling");
        assertThat(s.negativePrompt()).isEqualTo("blurry");
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.cfgScale()).isEqualTo(6);
        assertThat(s.steps()).isEqualTo(24);
        assertThat(s.width()).isEqualTo(1024);
        assertThat(s.baseModel()).isEqualTo("base.safetensors");
        assertThat(s.baseModelSha256()).isEqualTo(baseSha);
        assertThat(s.loraStrength()).isEqualTo(1);
    }

    @Test
    void aPausedQueueStartsNothingUntilResumed() throws Exception {
        service.setPaused(true);
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        service.startDispatching();
        Thread.sleep(800);
        assertThat(state(run.id())).isEqualTo(RunState.QUEUED);
        service.setPaused(false);
        assertThat(service.whenEnded(run.id()).get(20, TimeUnit.SECONDS).state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void stoppingEndsAQueuedRunAtOnceAndALiveOneThroughItsEngine() throws Exception {
        engine.hold = new CountDownLatch(1);
        StoredRun live = service.submit(project("a", true, 1), "scripted", () -> false);
        StoredRun queued = service.submit(project("b", true, 1), "scripted", () -> false);
        service.startDispatching();
        await("the run to go", () -> state(live.id()) == RunState.RUNNING);

        assertThat(service.stop(queued.id()).state()).isEqualTo(RunState.CANCELLED);
        service.stop(live.id());
        StoredRun ended = service.whenEnded(live.id()).get(20, TimeUnit.SECONDS);
        assertThat(ended.state()).isEqualTo(RunState.CANCELLED);
        assertThat(ended.reason()).isEqualTo("stopped by the user");
        assertThat(ended.pid()).isNull();
        assertThatThrownBy(() -> service.stop(live.id())).hasMessageContaining("is not going (it is cancelled)");
    }

    @Test
    void aStopAskedByAnotherProcessReachesTheRunThroughTheStore() throws Exception {
        engine.hold = new CountDownLatch(1);
        StoredRun live = service.submit(project("a", true, 1), "scripted", () -> false);
        service.startDispatching();
        await("the run to go", () -> state(live.id()) == RunState.RUNNING);

        try (RunService commandLine = new RunService(store, new EngineCatalog(store, List.of(engine)))) {
            assertThat(commandLine.drives(live.id())).isFalse();
            commandLine.stop(live.id());
        }
        assertThat(service.whenEnded(live.id()).get(20, TimeUnit.SECONDS).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void afterACrashTheRunIsInterruptedWithItsLogTailAndCanBeResumedWhereItStopped() throws Exception {
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        // what a crashed app leaves: a running run whose engine process is gone, and its log
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        store.runs().transition(run.id(), RunState.QUEUED, RunState.STARTING, null);
        store.runs().processStarted(run.id(), gone.pid(), null);
        store.runs().transition(run.id(), RunState.STARTING, RunState.RUNNING, null);
        Path runDir = run.projectFolder().resolve("runs").resolve(run.id().toString());
        RunLog.append(runDir, List.of("epoch 2/4", "steps:  40%| 40/100"));

        service.startDispatching();
        StoredRun interrupted = service.run(run.id());
        assertThat(interrupted.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(interrupted.reason()).contains("epoch 2/4 | steps:  40%| 40/100");

        service.resume(run.id());
        StoredRun done = service.whenEnded(run.id()).get(20, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(engine.resumed).containsExactly(run.id());
        assertThat(engine.started).isEmpty();
        assertThat(store.metrics().series(run.id(), "loss/current")).extracting(MetricPoint::step)
                .as("the resumed run continues the step count").startsWith(21L).endsWith(40L);
    }

    @Test
    void anEngineThatCannotStartFailsTheRunWithItsReason() throws Exception {
        engine.refuseWith = "the Python command /opt/venv/bin/python was not found";
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        service.startDispatching();
        StoredRun ended = service.whenEnded(run.id()).get(20, TimeUnit.SECONDS);
        assertThat(ended.state()).isEqualTo(RunState.FAILED);
        assertThat(ended.reason()).isEqualTo("the Python command /opt/venv/bin/python was not found");
        Path runDir = run.projectFolder().resolve("runs").resolve(run.id().toString());
        assertThat(Files.readString(RunLog.file(runDir))).contains("Could not start: the Python command");
    }

    @Test
    void closingTheAppInterruptsTheRunsItDrivesSoTheyCanBeResumed() throws Exception {
        engine.hold = new CountDownLatch(1);
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        service.startDispatching();
        await("the run to go", () -> state(run.id()) == RunState.RUNNING);
        service.close(Duration.ofSeconds(10));
        StoredRun after = store.runs().find(run.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(after.reason()).contains("resume it to continue");
    }

    @Test
    void queueSettingsAreShared() throws Exception {
        service.setParallel(2);
        try (RunService other = new RunService(store, new EngineCatalog(store, List.of(engine)))) {
            assertThat(other.parallel()).isEqualTo(2);
            other.setPaused(true);
        }
        assertThat(service.paused()).isTrue();
        assertThatThrownBy(() -> service.setParallel(0)).hasMessageContaining("1 to 16");
    }

    private RunState state(UUID id) {
        return store.runs().find(id).orElseThrow().state();
    }

    @Test
    void aStopForARunWhoseDriverDiedEndsTheOrphanedEngineProcess() throws Exception {
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        // a driver that died (kill -9 of `atelier run start --wait`) left its engine running
        Process orphan = new ProcessBuilder("sleep", "60").start();
        store.runs().transition(run.id(), RunState.QUEUED, RunState.STARTING, null);
        store.runs().processStarted(run.id(), orphan.pid(), orphan.toHandle().info().startInstant().orElse(null));
        store.runs().transition(run.id(), RunState.STARTING, RunState.RUNNING, null);

        StoredRun after = service.stop(run.id());
        assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("the engine process was ended").isTrue();
        assertThat(after.state()).isEqualTo(RunState.INTERRUPTED);
    }

    @Test
    void aRunFolderDeletedMidRunIsMadeAgainForTheLogAndTheRunEndsNormally() throws Exception {
        engine.hold = new CountDownLatch(1);
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        service.startDispatching();
        await("the run to go", () -> state(run.id()) == RunState.RUNNING);
        Path runDir = run.projectFolder().resolve("runs").resolve(run.id().toString());
        Files.delete(runDir.resolve("spec.json"));
        Files.deleteIfExists(RunLog.file(runDir));
        Files.delete(runDir);
        engine.hold.countDown();
        assertThat(service.whenEnded(run.id()).get(20, TimeUnit.SECONDS).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(RunLog.tail(runDir, 1)).containsExactly("step 20");
        assertThat(store.metrics().series(run.id(), "loss/current")).hasSize(20);
    }

    @Test
    void aLogThatCannotBeWrittenDoesNotStopTheRunAndIsNamedInTheOutcome() throws Exception {
        engine.refuseWith = null;
        StoredRun run = service.submit(project("a", true, 1), "scripted", () -> false);
        Path runDir = run.projectFolder().resolve("runs").resolve(run.id().toString());
        Files.createDirectories(RunLog.file(runDir)); // as good as a full disk for the log: every write fails
        engine.steps = 5;
        service.startDispatching();
        StoredRun ended = service.whenEnded(run.id()).get(20, TimeUnit.SECONDS);
        assertThat(ended.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(store.metrics().series(run.id(), "loss/current")).as("the store still got every value").hasSize(5);

        engine.steps = 20;
        engine.refuseWith = "CUDA out of memory";
        StoredRun failing = service.submit(project("b", true, 1), "scripted", () -> false);
        Files.createDirectories(RunLog.file(failing.projectFolder().resolve("runs").resolve(failing.id().toString())));
        StoredRun failed = service.whenEnded(failing.id()).get(20, TimeUnit.SECONDS);
        assertThat(failed.reason()).startsWith("CUDA out of memory; cannot write ").contains("run.log");
    }
}
