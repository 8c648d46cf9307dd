package io.atelier.trainingrun.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.EngineSettings;
import io.atelier.runner.EngineCatalog;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSettingsTest {

    @TempDir
    Path home;

    @Test
    void gpuIsBlankOrIndexes() {
        assertThat(TrainingSettings.gpuProblem("")).isNull();
        assertThat(TrainingSettings.gpuProblem("0")).isNull();
        assertThat(TrainingSettings.gpuProblem("0, 1")).isNull();
        assertThat(TrainingSettings.gpuProblem("cuda:0")).contains("GPU index");
    }

    @Test
    void tokenizerFolderRoundTripsThroughTheStore() throws Exception {
        Path folder = Files.createDirectories(home.resolve("clip"));
        try (Store store = Store.open(new StoreLocation(home.resolve("atelier")))) {
            EngineCatalog engines = new EngineCatalog(store, List.of());
            TrainingSettings before = TrainingSettings.load(engines, false, 1);
            assertThat(before.tokenizer()).isEmpty();

            before.withTokenizer(" " + folder + " ").saveEngines(engines, before);

            assertThat(store.settings().get("engine.builtin.tokenizer")).contains(folder.toString());
            TrainingSettings after = TrainingSettings.load(engines, false, 1);
            assertThat(after.tokenizer()).isEqualTo(folder.toString());
            assertThat(after.problem()).isNull();
        }
    }

    @Test
    void emptyTokenizerClearsTheStoredSetting() throws Exception {
        try (Store store = Store.open(new StoreLocation(home.resolve("atelier")))) {
            EngineCatalog engines = new EngineCatalog(store, List.of());
            engines.saveSettings(TrainingSettings.BUILTIN, EngineSettings.NONE.with(TrainingSettings.TOKENIZER,
                    home.toString()));
            TrainingSettings set = TrainingSettings.load(engines, false, 1);

            set.withTokenizer("  ").saveEngines(engines, set);

            assertThat(store.settings().get("engine.builtin.tokenizer")).isEmpty();
            assertThat(engines.settings(TrainingSettings.BUILTIN)).isEqualTo(EngineSettings.NONE);
            assertThat(TrainingSettings.load(engines, false, 1).tokenizer()).isEmpty();
        }
    }

    @Test
    void savingTheTokenizerLeavesSdScriptsAlone() throws Exception {
        try (Store store = Store.open(new StoreLocation(home.resolve("atelier")))) {
            EngineCatalog engines = new EngineCatalog(store, List.of());
            engines.saveSettings(TrainingSettings.ENGINE, new EngineSettings(Map.of(TrainingSettings.GPU, "0")));
            TrainingSettings before = TrainingSettings.load(engines, false, 1);

            before.withTokenizer(home.toString()).saveEngines(engines, before);

            assertThat(engines.settings(TrainingSettings.ENGINE).get(TrainingSettings.GPU)).contains("0");
            assertThat(engines.settings(TrainingSettings.BUILTIN).get(TrainingSettings.TOKENIZER))
                    .contains(home.toString());
        }
    }

    @Test
    void tokenizerIsEmptyOrAnExistingFolder() throws Exception {
        Path file = Files.writeString(home.resolve("vocab.json"), "{}");
        Path missing = home.resolve("no-such-folder");
        assertThat(TrainingSettings.tokenizerProblem(null)).isNull();
        assertThat(TrainingSettings.tokenizerProblem(" ")).isNull();
        assertThat(TrainingSettings.tokenizerProblem(home.toString())).isNull();
        assertThat(TrainingSettings.tokenizerProblem(missing.toString()))
                .contains(missing.toString()).contains("does not exist");
        assertThat(TrainingSettings.tokenizerProblem(file.toString()))
                .contains(file.toString()).contains("not a folder");
    }

    @Test
    void aMissingTokenizerFolderMakesTheSettingsInvalid() {
        Path missing = home.resolve("gone");
        TrainingSettings s = new TrainingSettings(EngineSettings.NONE, EngineSettings.NONE, false, 1);
        assertThat(s.problem()).isNull();
        assertThat(s.withTokenizer(missing.toString()).problem()).contains(missing.toString());
        assertThat(new TrainingSettings(new EngineSettings(Map.of(TrainingSettings.GPU, "x")), EngineSettings.NONE,
                false, 1).problem()).contains("GPU index");
    }
}
