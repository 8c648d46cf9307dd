package io.atelier.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EpochGridTest {

    static final UUID RUN = UUID.randomUUID();
    static int clock;

    static SampleImage sample(int epoch, int prompt, Long seed, String model, double strength) {
        return new SampleImage(UUID.randomUUID(), RUN, Path.of("e" + epoch + "p" + prompt + "s" + seed + model
                + strength + ".png"), SampleImage.Source.RUN, epoch, epoch * 10L, prompt, "prompt " + prompt, "",
                seed, "euler_a", 7, 28, 512, 512, model, null, strength,
                Instant.parse("2026-11-29T10:00:00Z").plusSeconds(clock++));
    }

    @Test
    void rowsAreEpochsWithTheBaseModelFirstAndColumnsThePrompts() {
        List<SampleImage> samples = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            for (int p = 0; p < 2; p++) {
                samples.add(sample(e, p, 42L, "a.safetensors", 1));
            }
        }
        samples.add(sample(0, 1, 42L, "a.safetensors", 1));
        samples.add(sample(2, 0, 42L, "b.safetensors", 1)); // another base model: another grid
        samples.add(sample(2, 0, 42L, "a.safetensors", 0.5)); // another strength: not in the prompt grid
        EpochGrid grid = EpochGrid.of(samples, List.of(1, 2, 3, 4), "a.safetensors", EpochGrid.Axis.PROMPT, 0);
        assertThat(grid.epochs()).containsExactly(0, 1, 2, 3, 4);
        assertThat(grid.columns()).extracting(EpochGrid.Column::promptIndex).containsExactly(0, 1);
        assertThat(grid.columns()).allSatisfy(c -> assertThat(c.seedProblem()).isNull());
        assertThat(grid.cell(0, 0)).isEmpty();
        assertThat(grid.cell(0, 1)).isPresent();
        assertThat(grid.cell(2, 0).orElseThrow().loraStrength()).isEqualTo(1);
        assertThat(grid.cell(4, 0)).isEmpty(); // saved, never sampled
        assertThat(grid.filled()).isEqualTo(7);
    }

    @Test
    void aColumnWithDifferentSeedsPerEpochIsFlaggedAndItsCommonSeedWins() {
        List<SampleImage> samples = List.of(sample(1, 0, 42L, "a", 1), sample(2, 0, 42L, "a", 1),
                sample(3, 0, 99L, "a", 1), sample(1, 1, null, "a", 1), sample(2, 1, null, "a", 1));
        EpochGrid grid = EpochGrid.of(samples, List.of(), "a", EpochGrid.Axis.PROMPT, 0);
        assertThat(grid.columns().get(0).seed()).isEqualTo(42L);
        assertThat(grid.columns().get(0).seedProblem()).contains("different seeds").contains("42").contains("99");
        assertThat(grid.columns().get(1).seed()).isNull();
        assertThat(grid.columns().get(1).seedProblem()).contains("2 images without a known seed");
    }

    @Test
    void theStrengthAxisShowsOnePromptAcrossStrengthsWithTheBaseModelInRowZero() {
        List<SampleImage> samples = List.of(sample(0, 0, 1L, "a", 1), sample(1, 0, 1L, "a", 0.6),
                sample(1, 0, 1L, "a", 1), sample(2, 0, 1L, "a", 0.6), sample(1, 1, 1L, "a", 0.6));
        EpochGrid grid = EpochGrid.of(samples, List.of(1, 2), "a", EpochGrid.Axis.STRENGTH, 0);
        assertThat(grid.columns()).extracting(EpochGrid.Column::strength).containsExactly(0.6, 1.0);
        assertThat(grid.cell(0, 0)).isPresent();
        assertThat(grid.cell(0, 1)).isPresent();
        assertThat(grid.cell(2, 1)).isEmpty();
        assertThat(grid.cell(1, 0).orElseThrow().loraStrength()).isEqualTo(0.6);
    }
}
