package io.atelier.engine.sdscripts.launch;

import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake sd-scripts installation for the engine tests: a checkout folder with the four files the check looks for, a
 * {@code python} wrapper script that runs {@link SdScriptsStandIn} on this JVM with the test class path, a project
 * with a dataset folder and a base-model file.
 */
final class StandInFixture {

    /** 3 images × 2 repeats ÷ batch 2 = 3 steps per epoch; 3 epochs = 9 steps. */
    static final int IMAGES = 3;
    static final int EPOCHS = 3;
    static final long STEPS_PER_EPOCH = 3;
    static final String NAME = "tok";

    final Path root;
    final Path sdScripts;
    final Path project;
    final Path baseModel;
    final Path bin;

    StandInFixture(Path root, int images) throws IOException {
        this.root = root;
        sdScripts = Files.createDirectories(root.resolve("sd-scripts"));
        for (String f : InstallationCheck.REQUIRED_FILES) {
            Files.createDirectories(sdScripts.resolve(f).getParent());
            Files.writeString(sdScripts.resolve(f), "");
        }
        project = Files.createDirectories(root.resolve("project"));
        Path dataset = Files.createDirectories(project.resolve("dataset"));
        for (int i = 1; i <= images; i++) {
            Files.write(dataset.resolve(String.format("%02d.png", i)), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            Files.writeString(dataset.resolve(String.format("%02d.txt", i)), "tok, 1girl");
        }
        baseModel = Files.writeString(root.resolve("base.safetensors"), "model");
        bin = Files.createDirectories(root.resolve("bin"));
    }

    /** Writes {@code bin/python} running the stand-in with {@code env} exported; returns its path. */
    Path python(Map<String, String> env) throws IOException {
        return wrapper("python", env);
    }

    Path wrapper(String name, Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        env.forEach((k, v) -> s.append("export ").append(k).append('=').append(quote(v)).append('\n'));
        s.append("exec ").append(quote(java)).append(" -XX:TieredStopAtLevel=1 -Xshare:auto -Djava.awt.headless=true")
                .append(" -cp ").append(quote(System.getProperty("java.class.path")))
                .append(' ').append(SdScriptsStandIn.class.getName()).append(" \"$@\"\n");
        Path p = bin.resolve(name);
        Files.writeString(p, s, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    EngineSettings settings(Map<String, String> env) throws IOException {
        return EngineSettings.NONE.with(SdScriptsSettings.DIR, sdScripts.toString())
                .with(SdScriptsSettings.PYTHON, python(env).toString());
    }

    static TrainingConfig config() {
        return BuiltInPresets.universalXl()
                .with(Params.OUTPUT_NAME, NAME)
                .with(Params.EPOCHS, EPOCHS)
                .with(Params.REPEATS, 2)
                .with(Params.BATCH_SIZE, 2)
                .with(Params.SAVE_EVERY, 1)
                .with(Params.SAMPLE_EVERY, 1)
                .with(Params.SAMPLE_PROMPTS, "tok, 1girl, smiling --d 42\ntok, portrait");
    }

    RunSpec spec(TrainingConfig config) {
        return new RunSpec(UUID.randomUUID(), project, SdScriptsEngine.ID, "test", config, null, baseModel, "00",
                List.of(), Instant.now());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Collects a run's events. */
    static final class Recorder implements RunListener {
        final List<RunEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(RunEvent event) {
            events.add(event);
        }

        <T extends RunEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> lines() {
            return of(RunEvent.LogLine.class).stream().map(RunEvent.LogLine::text).toList();
        }
    }
}
