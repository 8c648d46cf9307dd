package io.atelier.config.ui.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamTableModelTest {

    @Test
    void sectionsHeadRowsAndOnlyValuesAreEditable() {
        ParamTableModel m = new ParamTableModel(TrainingConfig.defaults(), TrainingConfig.defaults());
        assertThat(m.row(0).header()).isTrue();
        assertThat(m.getValueAt(0, 0)).isEqualTo("Model");
        assertThat(m.isCellEditable(0, 1)).isFalse();
        int dim = m.rowOf("network_dim");
        assertThat(m.isCellEditable(dim, 0)).isFalse();
        assertThat(m.isCellEditable(dim, 1)).isTrue();
        assertThat(m.getRowCount()).isEqualTo(Params.all().size() + 7);
    }

    @Test
    void acceptedEditIsMarkedAndReported() {
        ParamTableModel m = new ParamTableModel(TrainingConfig.defaults(), TrainingConfig.defaults());
        List<TrainingConfig> seen = new ArrayList<>();
        m.onEdit((before, after) -> seen.add(after));
        int dim = m.rowOf("network_dim");
        m.setValueAt("128", dim, 1);
        assertThat(m.config().getInt(Params.NETWORK_DIM)).isEqualTo(128);
        assertThat(m.changed(dim)).isTrue();
        assertThat(m.baselineValue(dim)).isEqualTo(32);
        assertThat(seen).hasSize(1);
        m.setValueAt("128", dim, 1);
        assertThat(seen).as("an unchanged value is no edit").hasSize(1);
    }

    @Test
    void refusedEditKeepsTheValueAndReportsTheMessage() {
        ParamTableModel m = new ParamTableModel(TrainingConfig.defaults(), null);
        List<String> refused = new ArrayList<>();
        m.onRefused(refused::add);
        int dim = m.rowOf("network_dim");
        m.setValueAt("abc", dim, 1);
        m.setValueAt("5000", dim, 1);
        m.setValueAt("nope", m.rowOf("lr_scheduler"), 1);
        assertThat(m.config()).isEqualTo(TrainingConfig.defaults());
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0)).contains("network_dim").contains("whole number");
        assertThat(refused.get(1)).contains("above the maximum 1024");
        assertThat(m.changed(dim)).isFalse();
    }

    @Test
    void booleansAndFloatsEdit() {
        ParamTableModel m = new ParamTableModel(TrainingConfig.defaults(), TrainingConfig.defaults());
        m.setValueAt(Boolean.TRUE, m.rowOf("flip_aug"), 1);
        m.setValueAt("5e-5", m.rowOf("unet_lr"), 1);
        assertThat(m.config().getBool(Params.FLIP_AUG)).isTrue();
        assertThat(m.config().getDouble(Params.UNET_LR)).isEqualTo(5e-5);
    }

    @Test
    void formatsNumbersReadably() {
        assertThat(ParamTableModel.format(1e-4)).isEqualTo("1e-4");
        assertThat(ParamTableModel.format(5e-5)).isEqualTo("5e-5");
        assertThat(ParamTableModel.format(16.0)).isEqualTo("16.0");
        assertThat(ParamTableModel.format(0.03)).isEqualTo("0.03");
        assertThat(ParamTableModel.format(0.0)).isEqualTo("0.0");
        assertThat(ParamTableModel.format(32)).isEqualTo("32");
    }
}
