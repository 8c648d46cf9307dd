package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier engine|run|queue} end to end: the real sd-scripts engine launches a stand-in for sd-scripts (a
 * program that reads the TOML files and writes exactly sd-scripts' console output, TensorBoard events, checkpoints and
 * samples, from the engine module's tests), since sd-scripts itself cannot run here.
 */
@Timeout(120)
class RunCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path home;
    private Path project;
    private Path sdScripts;

    @BeforeEach
    void setUp() throws Exception {
        home = tmp.resolve("home");
        Path model = Files.write(tmp.resolve("sdxl_base.safetensors"), new byte[]{7, 7, 7});
        String sha = "ab".repeat(32);
        try (Store store = Store.open(StoreLocation.resolve(home.toString()))) {
            store.baseModels().add(new BaseModel("SDXL base", BaseModelFamily.SDXL, model, 3, sha, Instant.now()));
        }
        project = ProjectFolders.create(tmp.resolve("loras/glass"),
                LoraProject.create("Glass", "glshs", LoraKind.STYLE, BaseModelFamily.SDXL)).root();
        Path dataset = Files.createDirectories(project.resolve("dataset"));
        for (int i = 1; i <= 3; i++) {
            TestPictures.png(TestPictures.picture(i, 64, 48), dataset.resolve(String.format("%02d.png", i)));
            Files.writeString(dataset.resolve(String.format("%02d.txt", i)), "glshs, shards");
        }
        assertThat(CliRun.run(home, "config", "set", project.toString(), "base_model=" + sha, "max_train_epochs=2",
                "num_repeats=2", "train_batch_size=2", "save_every_n_epochs=1", "sample_every_n_epochs=1",
                "sample_prompts=glshs, shards --d 7").exitCode()).isZero();
        sdScripts = Files.createDirectories(tmp.resolve("sd-scripts"));
        for (String f : new String[]{"train_network.py", "sdxl_train_network.py", "library/train_util.py",
                "networks/lora.py"}) {
            Files.createDirectories(sdScripts.resolve(f).getParent());
            Files.writeString(sdScripts.resolve(f), "");
        }
    }

    /** A {@code python} that runs the stand-in on this JVM, with {@code env} exported (failure modes, pace). */
    private Path standInPython(String name, Map<String, String> env) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        env.forEach((k, v) -> s.append("export ").append(k).append("='").append(v).append("'\n"));
        s.append("exec '").append(java).append("' -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -cp '")
                .append(System.getProperty("java.class.path"))
                .append("' io.atelier.engine.sdscripts.launch.SdScriptsStandIn \"$@\"\n");
        Path python = Files.createDirectories(tmp.resolve("bin")).resolve(name);
        Files.writeString(python, s, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        return python;
    }

    private CliRun atelier(String... args) {
        return CliRun.run(home, args);
    }

    @Test
    void aRunStartedWithWaitTrainsAndIsShownWithItsMetricsCheckpointsAndSamples() throws Exception {
        Path python = standInPython("python", Map.of("STANDIN_STEP_MS", "5"));
        CliRun config = atelier("engine", "config", "sd-scripts", "--dir", sdScripts.toString(), "--python",
                python.toString());
        assertThat(config.exitCode()).as(config.err()).isZero();
        assertThat(config.out()).contains("sd-scripts.dir = " + sdScripts, "sd-scripts.python = " + python);

        JsonNode engines = JSON.readTree(atelier("engine", "list", "--json").out());
        assertThat(engines).extracting(e -> e.get("id").asText()).containsExactly("builtin", "sd-scripts");
        JsonNode sd = engines.get(1);
        assertThat(sd.get("usable").asBoolean()).as(sd.get("message").asText()).isTrue();
        JsonNode builtin = engines.get(0);
        assertThat(builtin.get("families")).extracting(JsonNode::asText).containsExactly("sd15");
        assertThat(builtin.get("usable").asBoolean()).as("no CLIP tokenizer files here").isFalse();
        Path tokenizer = Files.createDirectories(tmp.resolve("clip-tokenizer"));
        Files.writeString(tokenizer.resolve("vocab.json"), "{\"<|startoftext|>\": 0, \"<|endoftext|>\": 1, \"a</w>\": 2}");
        Files.writeString(tokenizer.resolve("merges.txt"), "#version: 0.2\n");
        assertThat(atelier("engine", "config", "builtin", "--tokenizer", tokenizer.toString()).exitCode()).isZero();
        builtin = JSON.readTree(atelier("engine", "list", "--json").out()).get(0);
        assertThat(builtin.get("usable").asBoolean()).as(builtin.get("message").asText()).isTrue();
        assertThat(builtin.get("message").asText()).startsWith("PyTorch 2.7.1 on ").contains(tokenizer.toString());

        CliRun start = atelier("run", "start", project.toString(), "--wait");
        assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
        assertThat(start.out()).contains("Queued run ", "running training", "model saved.", " succeeded");

        JsonNode runs = JSON.readTree(atelier("run", "list", "--json").out());
        assertThat(runs).hasSize(1);
        String id = runs.get(0).get("id").asText();
        assertThat(runs.get(0).get("state").asText()).isEqualTo("succeeded");

        JsonNode shown = JSON.readTree(atelier("run", "show", id.substring(0, 8), "--json").out());
        assertThat(shown.get("images").asInt()).isEqualTo(3);
        assertThat(shown.get("engineVersion").asText()).contains("is not a git checkout");
        assertThat(shown.get("checkpoints")).extracting(c -> Path.of(c.get("path").asText()).getFileName().toString())
                .containsExactly("glshs-000001.safetensors", "glshs.safetensors");
        assertThat(shown.get("samples")).isNotEmpty();
        assertThat(shown.get("metrics")).extracting(m -> m.get("name").asText())
                .contains("loss/current", "loss/average", "lr/unet", "loss/epoch_average");
        assertThat(shown.get("logTail")).isNotEmpty();

        CliRun csv = atelier("run", "metrics", id.substring(0, 8), "--name", "loss/current", "--csv");
        assertThat(csv.out().lines().toList()).first().isEqualTo("name,step,epoch,value");
        assertThat(csv.out().lines().count()).isEqualTo(1 + 6); // 3 images × 2 repeats ÷ batch 2 × 2 epochs

        CliRun again = atelier("run", "resume", id);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errorLine()).isEqualTo("atelier: run " + id + " cannot be resumed: it is succeeded");
    }

    @Test
    void aFailedRunExitsNonZeroWithTheReasonOnOneLine() throws Exception {
        Path python = standInPython("python-oom", Map.of("STANDIN_FAIL", "oom"));
        atelier("engine", "config", "sd-scripts", "--dir", sdScripts.toString(), "--python", python.toString());
        CliRun start = atelier("run", "start", project.toString(), "--wait");
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.errorLine()).startsWith("atelier: run ").contains(" failed: ").containsIgnoringCase("out of memory");
    }

    @Test
    void theQueueIsListedReorderedPausedAndARunCancelled() throws Exception {
        String first = queued();
        String second = queued();
        JsonNode queue = JSON.readTree(atelier("queue", "list", "--json").out());
        assertThat(queue.get("queue")).extracting(q -> q.get("id").asText()).containsExactly(first, second);

        assertThat(atelier("queue", "move", second.substring(0, 8), "1").out()).contains("is now 1 of 2");
        assertThat(atelier("queue", "pause").exitCode()).isZero();
        queue = JSON.readTree(atelier("queue", "list", "--json").out());
        assertThat(queue.get("paused").asBoolean()).isTrue();
        assertThat(queue.get("queue")).extracting(q -> q.get("id").asText()).containsExactly(second, first);

        assertThat(atelier("run", "stop", first).out()).contains("is cancelled.");
        assertThat(atelier("queue", "list").out()).contains("The queue is paused; 1 run at once.")
                .doesNotContain(first.substring(0, 8));
        assertThat(atelier("queue", "resume").out()).isEqualToIgnoringNewLines("The queue is running.");
        assertThat(atelier("queue", "move", "zzzz", "1").errorLine())
                .isEqualTo("atelier: there is no run zzzz (atelier run list shows them)");
    }

    @Test
    void aProjectThatCannotTrainIsRefusedBeforeAnythingIsQueued() throws Exception {
        Path empty = ProjectFolders.create(tmp.resolve("loras/empty"),
                LoraProject.create("Empty", "empt", LoraKind.STYLE, BaseModelFamily.SDXL)).root();
        CliRun start = atelier("run", "start", empty.toString());
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.errorLine()).contains("names no base model");
        assertThat(atelier("run", "start", project.toString(), "--engine", "nope").errorLine())
                .isEqualTo("atelier: there is no training engine \"nope\" (known: builtin, sd-scripts)");
        assertThat(JSON.readTree(atelier("run", "list", "--json").out())).isEmpty();
    }

    private String queued() throws Exception {
        CliRun start = atelier("run", "start", project.toString());
        assertThat(start.exitCode()).as(start.err()).isZero();
        String line = start.out().strip();
        return line.substring("Queued run ".length(), "Queued run ".length() + 36);
    }
}
