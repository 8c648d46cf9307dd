package io.atelier.gallery.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.compare.RunComparison;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.RunSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiffTableModelTest {

    private static RunComparison.Compared compared(String label, String model, Integer best) {
        RunSpec spec = new RunSpec(UUID.randomUUID(), Path.of("/p"), "builtin", "1", TrainingConfig.defaults(), null,
                Path.of("/m/" + model + ".safetensors"), null, List.of(), Instant.now());
        return new RunComparison.Compared(label, spec, "Succeeded", Map.of("loss/current", 0.1), best);
    }

    @Test
    void oneColumnPerRunDifferencesThenResults() {
        DiffTableModel model = new DiffTableModel();
        model.show(new RunComparison(List.of(compared("a", "pony", 3), compared("b", "illustrious", null))));
        assertThat(model.getColumnCount()).isEqualTo(3);
        assertThat(model.getColumnName(0)).isEqualTo("Parameter");
        assertThat(model.getColumnName(2)).isEqualTo("b");
        assertThat(model.differences()).isEqualTo(1);
        assertThat(model.getValueAt(0, 0)).isEqualTo("base model");
        assertThat(model.getValueAt(0, 1)).isEqualTo("pony.safetensors");
        assertThat(model.getValueAt(1, 0)).isEqualTo(DiffTableModel.RESULTS);
        assertThat(model.heading(1)).isTrue();
        assertThat(model.getValueAt(3, 0)).isEqualTo("best epoch");
        assertThat(model.getValueAt(3, 1)).isEqualTo("3");
    }

    @Test
    void saysSoWhenNothingDiffers() {
        DiffTableModel model = new DiffTableModel();
        model.show(new RunComparison(List.of(compared("a", "pony", null), compared("b", "pony", null))));
        assertThat(model.differences()).isZero();
        assertThat(model.getValueAt(0, 0)).isEqualTo(DiffTableModel.SAME);
        assertThat(model.heading(0)).isTrue();
    }
}
