package io.atelier.gallery.compare;

import io.atelier.core.compare.RunLabel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.gallery.SampleImage;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.runner.RunException;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs in a real store: what the Compare window reads of them, and its exports. */
class ComparisonLoaderTest {

    @TempDir
    Path home;

    private UUID run(Store store, Path project, String baseModel, TrainingConfig config) {
        UUID id = UUID.randomUUID();
        RunSpec spec = new RunSpec(id, project, "builtin", "1", config, null,
                home.resolve(baseModel + ".safetensors"), "0".repeat(64), List.of(), Instant.now());
        store.runs().enqueue(id, project, "builtin", RunSpecJson.write(spec));
        return id;
    }

    private static void losses(Store store, UUID id, int steps, int perEpoch, boolean validation) {
        List<RunEvent.Metric> batch = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            int epoch = 1 + (step - 1) / perEpoch;
            batch.add(new RunEvent.Metric(ComparedRun.LOSS, step, epoch, 0.2 - step * 1e-4));
            if (validation && step % perEpoch == 0) {
                batch.add(new RunEvent.Metric(ComparedRun.VALIDATION, epoch, epoch, 0.3 - epoch * 0.01));
            }
        }
        store.metrics().append(id, batch);
    }

    private SampleImage sample(UUID run, String baseModel, int epoch, int prompt) throws Exception {
        Path file = home.resolve(run + "-" + epoch + "-" + prompt + ".png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return new SampleImage(UUID.randomUUID(), run, file, SampleImage.Source.RUN, epoch, epoch * 10L, prompt,
                "prompt " + prompt, "", 42L, "euler_a", 7, 20, 512, 512, baseModel + ".safetensors", null, 1,
                Instant.now());
    }

    @Test
    void readsBothRunsTheirDifferencesCurvesPickAndGrids() throws Exception {
        try (Store store = Store.open(new StoreLocation(home.resolve("atelier")))) {
            Path ink = Files.createDirectories(home.resolve("ink-style"));
            Path cat = Files.createDirectories(home.resolve("cat-char"));
            TrainingConfig base = TrainingConfig.defaults();
            String key = base.values().keySet().stream().filter(k -> base.values().get(k) instanceof Integer)
                    .findFirst().orElseThrow();
            UUID a = run(store, ink, "ponyDiffusionV6XL", base);
            UUID b = run(store, cat, "illustriousXL", base.with(key, ((Integer) base.values().get(key)) + 1));
            losses(store, a, 300, 100, true);
            losses(store, b, 200, 50, false);
            store.gallery().pick(a, 2, null);
            for (int epoch = 0; epoch <= 2; epoch++) {
                store.gallery().add(sample(a, "ponyDiffusionV6XL", epoch, 0));
                store.gallery().add(sample(b, "illustriousXL", epoch, 0));
            }
            store.gallery().add(sample(b, "illustriousXL", 4, 1));

            ComparisonLoader.Loaded loaded = ComparisonLoader.load(store, List.of(a, b));

            assertThat(loaded.runs()).extracting(ComparedRun::label).containsExactly(
                    RunLabel.of(ink, Path.of("ponyDiffusionV6XL.safetensors"), a),
                    RunLabel.of(cat, Path.of("illustriousXL.safetensors"), b));
            assertThat(loaded.comparison().differences()).extracting(r -> r.name())
                    .contains("base model", key);
            ComparedRun first = loaded.runs().get(0);
            assertThat(first.loss()).hasSize(300);
            assertThat(first.validation()).hasSize(3);
            assertThat(first.bestEpoch()).isEqualTo(2);
            assertThat(first.results()).containsKeys(ComparedRun.LOSS, ComparedRun.VALIDATION,
                    ComparedRun.VALIDATION + " (lowest)");
            assertThat(loaded.runs().get(1).validation()).isEmpty();
            assertThat(loaded.runs().get(1).bestEpoch()).isNull();
            assertThat(loaded.comparison().results()).anySatisfy(r -> {
                assertThat(r.name()).isEqualTo("best epoch");
                assertThat(r.values()).containsExactly("2", "");
            });

            // the samples side by side: epochs of both runs, prompts of either, each run's own image per cell
            assertThat(SideBySide.epochs(loaded.runs())).containsExactly(0, 1, 2, 4);
            assertThat(SideBySide.prompts(loaded.runs())).extracting(SideBySide.Prompt::index).containsExactly(0, 1);
            assertThat(SideBySide.cell(first, 1, 0)).hasValueSatisfying(s -> assertThat(s.runId()).isEqualTo(a));
            assertThat(SideBySide.cell(first, 4, 0)).isEmpty();
            assertThat(SideBySide.cell(first, 1, 1)).as("a prompt the run lacks").isEmpty();
            assertThat(SideBySide.cell(loaded.runs().get(1), 4, 1)).isPresent();

            // the exports, written where asked
            Path csv = home.resolve("out/compare.csv");
            Files.createDirectories(csv.getParent());
            ComparisonExport.csv(loaded.comparison(), csv);
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("what," + loaded.runs().get(0).label()).contains("\r\n" + key + ",");
            Path json = home.resolve("out/compare.json");
            ComparisonExport.json(loaded.comparison(), json);
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.get("runs")).hasSize(2);
            assertThat(root.get("differences").has(key)).isTrue();
            Path sheet = home.resolve("out/compare.png");
            ComparisonExport.contactSheet(loaded.runs(), sheet);
            BufferedImage png = ImageIO.read(sheet.toFile());
            assertThat(png.getHeight()).isGreaterThan(2 * ComparisonExport.CELL * 3);
            assertThat(ComparisonExport.sections(loaded.runs())).extracting(s -> s.title())
                    .containsExactly(loaded.runs().get(0).label(), loaded.runs().get(1).label());
            try (var files = Files.list(csv.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temp files left")
                        .containsExactlyInAnyOrder("compare.csv", "compare.json", "compare.png");
            }
        }
    }

    @Test
    void namesAMissingRunAndRefusesFewerThanTwo() throws Exception {
        try (Store store = Store.open(new StoreLocation(home.resolve("atelier")))) {
            UUID a = run(store, Files.createDirectories(home.resolve("p")), "m", TrainingConfig.defaults());
            assertThatThrownBy(() -> ComparisonLoader.load(store, List.of(a))).isInstanceOf(RunException.class)
                    .hasMessageContaining("at least two");
            UUID gone = UUID.randomUUID();
            assertThatThrownBy(() -> ComparisonLoader.load(store, List.of(a, gone))).isInstanceOf(RunException.class)
                    .hasMessageContaining(gone.toString());
        }
    }

    @Test
    void addsTheExtensionWhenLeftOff() {
        assertThat(ComparisonExport.withExtension(Path.of("/tmp/a"), "csv")).isEqualTo(Path.of("/tmp/a.csv"));
        assertThat(ComparisonExport.withExtension(Path.of("/tmp/a.CSV"), "csv")).isEqualTo(Path.of("/tmp/a.CSV"));
    }
}
