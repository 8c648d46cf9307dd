package io.atelier.trainingrun.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.gallery.EpochPick;
import io.atelier.core.run.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTableModelTest {

    @Test
    void theBestColumnShowsTheGallerysPick() {
        RunRow picked = RunFilterTest.row("cat", RunState.SUCCEEDED, "m");
        RunRow other = RunFilterTest.row("dog", RunState.SUCCEEDED, "m");
        List<RunRow> rows = new RunRows().rows(List.of(picked.run(), other.run()),
                Map.of(picked.run().id(), new EpochPick(picked.run().id(), 7, null, Instant.EPOCH)));
        RunTableModel model = new RunTableModel();
        model.setRows(rows, Instant.EPOCH);
        assertThat(model.getColumnName(RunTableModel.BEST)).isEqualTo("Best");
        assertThat(model.getValueAt(0, RunTableModel.BEST)).isEqualTo("7");
        assertThat(model.getValueAt(1, RunTableModel.BEST)).isEqualTo("");
        assertThat(model.getColumnName(RunTableModel.REASON)).isEqualTo("Reason");
        assertThat(model.getValueAt(0, 4)).isEqualTo("10 / 100");
    }
}
