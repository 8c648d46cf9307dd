package io.atelier.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.sampling.SamplePrompt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GenerationPlanTest {

    static final UUID RUN = UUID.randomUUID();
    static final Path RUN_DIR = Path.of("/loras/x/runs/" + RUN);
    static final GenerationPlan.BaseModelChoice SD15 = new GenerationPlan.BaseModelChoice(
            Path.of("/models/v1-5.safetensors"), "ab".repeat(32), BaseModelFamily.SD15);
    static final GenerationPlan.BaseModelChoice OTHER = new GenerationPlan.BaseModelChoice(
            Path.of("/models/anything v5.safetensors"), null, BaseModelFamily.SD15);
    static final SamplePrompt PROMPT = new SamplePrompt("mychar, smiling", "blurry", 512, 512, 42, 7, 20,
            Optional.empty());

    static GenerationPlan.Choice choice(List<Integer> epochs, List<Long> seeds, List<Double> cfgs,
            List<GenerationPlan.BaseModelChoice> models, List<Double> strengths) {
        return new GenerationPlan.Choice(RUN, RUN_DIR, Map.of(1, RUN_DIR.resolve("out/x-000001.safetensors"), 2,
                RUN_DIR.resolve("out/x.safetensors")), Map.of(1, 10L, 2, 20L), List.of(PROMPT), epochs, seeds, cfgs,
                models, strengths, "euler_a", 2);
    }

    @Test
    void everyCombinationIsPlannedOnceAndTheBaseModelRowHasNoStrengths() {
        List<GenerationPlan.Cell> cells = GenerationPlan.missing(choice(List.of(0, 1, 2), List.of(1L, 2L),
                List.of(), List.of(SD15, OTHER), List.of(0.5, 1.0)), List.of());
        // per model: epoch 0 → 2 seeds; epochs 1, 2 → 2 seeds × 2 strengths
        assertThat(cells).hasSize(2 * (2 + 2 * 2 * 2));
        GenerationPlan.Cell c = cells.stream().filter(x -> x.epoch() == 2 && x.request().loraStrength() == 0.5
                && x.request().prompt().seed() == 2 && x.request().checkpoint().equals(OTHER.file())).findFirst()
                .orElseThrow();
        assertThat(c.request().lora()).isEqualTo(RUN_DIR.resolve("out/x.safetensors"));
        assertThat(c.step()).isEqualTo(20);
        assertThat(c.request().output()).isEqualTo(RUN_DIR.resolve("gallery/anything_v5/e002_p00_s2_cfg7_x0.5.png"));
        assertThat(c.request().sampler()).isEqualTo("euler_a");
        assertThat(c.request().clipSkip()).isEqualTo(2);
        assertThat(c.request().infoExtra()).containsEntry("Lora", "x.safetensors").containsEntry("Lora strength", "0.5")
                .containsEntry("Epoch", "2");
        GenerationPlan.Cell base = cells.stream().filter(x -> x.epoch() == 0).findFirst().orElseThrow();
        assertThat(base.request().lora()).isNull();
    }

    @Test
    void cellsTheGalleryHasAreNotMadeAgain() {
        GenerationPlan.Choice c = choice(List.of(0, 1), List.of(), List.of(5.0), List.of(SD15), List.of());
        List<GenerationPlan.Cell> all = GenerationPlan.missing(c, List.of());
        assertThat(all).hasSize(2);
        SampleImage made = all.get(1).asSample(Instant.now());
        assertThat(made.cfgScale()).isEqualTo(5);
        assertThat(made.seed()).isEqualTo(42L);
        assertThat(GenerationPlan.missing(c, List.of(made))).hasSize(1).allMatch(x -> x.epoch() == 0);
    }

    @Test
    void anEpochWithoutALoraFileOrAnEmptyChoiceIsRefused() {
        assertThatThrownBy(() -> GenerationPlan.missing(choice(List.of(3), List.of(), List.of(), List.of(SD15),
                List.of()), List.of())).hasMessageContaining("epoch 3 has no LoRA file");
        assertThatThrownBy(() -> GenerationPlan.missing(choice(List.of(1), List.of(), List.of(), List.of(),
                List.of()), List.of())).hasMessageContaining("at least one");
    }
}
