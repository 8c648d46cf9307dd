package io.atelier.config.ui.presets;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.TrainingConfig;
import org.junit.jupiter.api.Test;

class DiffTableModelTest {

    @Test
    void showsOnlyChangedParametersOldToNew() {
        DiffTableModel m = new DiffTableModel();
        TrainingConfig a = TrainingConfig.defaults();
        TrainingConfig b = a.with("network_dim", 128).with("unet_lr", 5e-5);
        m.compare(a, b);
        assertThat(m.getRowCount()).isEqualTo(2);
        assertThat(m.getValueAt(0, 0)).isEqualTo("Network");
        assertThat((String) m.getValueAt(0, 1)).contains("network_dim");
        assertThat(m.getValueAt(0, 2)).isEqualTo("32");
        assertThat(m.getValueAt(0, 3)).isEqualTo("128");
        assertThat(m.getValueAt(1, 2)).isEqualTo("1e-4");
        assertThat(m.getValueAt(1, 3)).isEqualTo("5e-5");
    }

    @Test
    void identicalOrMissingShowsNothing() {
        DiffTableModel m = new DiffTableModel();
        m.compare(BuiltInPresets.sd15(), BuiltInPresets.sd15());
        assertThat(m.getRowCount()).isZero();
        m.compare(null, BuiltInPresets.sd15());
        assertThat(m.getRowCount()).isZero();
    }
}
