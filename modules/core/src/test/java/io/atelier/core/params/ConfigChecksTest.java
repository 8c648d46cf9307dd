package io.atelier.core.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.buckets.ImageSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    private static final DatasetFacts CLEAN = new DatasetFacts(
            Collections.nCopies(30, new ImageSize(1024, 1024)), List.of(), List.of());

    private static List<String> ids(List<ConfigWarning> warnings) {
        return warnings.stream().map(ConfigWarning::id).toList();
    }

    @Test
    void theUniversalPresetOnACleanDatasetOnlyNotesClipSkip() {
        List<ConfigWarning> w = ConfigChecks.check(BuiltInPresets.universalXl(), CLEAN, "GLSHS", false);
        assertThat(ids(w)).containsExactly("clip-skip-on-sdxl");
        assertThat(w.get(0).severity()).isEqualTo(ConfigWarning.Severity.NOTE);
        assertThat(ConfigChecks.check(BuiltInPresets.sd15(), CLEAN, "GLSHS", false)).isEmpty();
    }

    @Test
    void everyCheckFiresWithAFixThatClearsIt() {
        List<ImageSize> mixed = new ArrayList<>(Collections.nCopies(40, new ImageSize(1024, 1024)));
        mixed.add(new ImageSize(832, 1216));
        DatasetFacts facts = new DatasetFacts(mixed, List.of("07.png"), List.of("02.png", "03.png", "04.png", "05.png"));
        TrainingConfig bad = BuiltInPresets.sd15().with("resolution", 1024).with("num_repeats", 60)
                .with("network_dim", 128).with("shuffle_caption", true).with("lr_scheduler", "cosine")
                .with("learning_rate", 0.0).with("enable_bucket", false);

        List<ConfigWarning> w = ConfigChecks.check(bad, facts, "GLSHS", true);

        assertThat(ids(w)).containsExactly("steps-over-budget", "bucketing-off-mixed-sizes", "dim-far-too-high",
                "shuffle-without-trigger-first", "cosine-ignores-cycles", "base-lr-unset", "8bit-on-built-in",
                "images-without-captions");
        assertThat(w.get(0).message()).contains("4,920 total steps exceed the 4,000-step budget");
        assertThat(w.get(0).fix()).isEqualTo("Set repeats to 48.");
        assertThat(w.get(2).message()).contains("Network dim 128").contains("MB instead of");
        assertThat(w.get(3).message()).contains("02.png, 03.png, 04.png and 1 more");

        TrainingConfig fixed = bad;
        for (ConfigWarning warning : w) {
            fixed = warning.applyTo(fixed);
        }
        assertThat(ids(ConfigChecks.check(fixed, facts, "GLSHS", true)))
                .containsExactly("shuffle-without-trigger-first", "images-without-captions"); // fixed in captions
        assertThat(ids(ConfigChecks.check(fixed, new DatasetFacts(mixed, List.of(), List.of()), "GLSHS", true)))
                .isEmpty();
    }

    @Test
    void triggerNotFirstWithoutShuffleAndAnEmptyDataset() {
        assertThat(ids(ConfigChecks.check(BuiltInPresets.sd15(),
                new DatasetFacts(CLEAN.sizes(), List.of(), List.of("02.png")), "GLSHS", false)))
                .containsExactly("trigger-not-first");
        assertThat(ids(ConfigChecks.check(BuiltInPresets.sd15(), new DatasetFacts(List.of(), List.of(), List.of()),
                "GLSHS", false))).containsExactly("no-images");
    }
}
