package io.atelier.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.params.TrainingConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunStateTest {

    @Test
    void aRunMovesOnlyAlongTheAllowedArrows() {
        assertThat(RunState.QUEUED.moveTo(RunState.STARTING).moveTo(RunState.RUNNING).moveTo(RunState.STOPPING)
                .moveTo(RunState.CANCELLED).moveTo(RunState.QUEUED)).isEqualTo(RunState.QUEUED);
        assertThat(RunState.RUNNING.canMoveTo(RunState.INTERRUPTED)).isTrue();
        assertThat(RunState.INTERRUPTED.canMoveTo(RunState.QUEUED)).as("resume").isTrue();
        assertThat(RunState.SUCCEEDED.next()).isEmpty();
        assertThatThrownBy(() -> RunState.QUEUED.moveTo(RunState.SUCCEEDED))
                .hasMessage("a run cannot go from queued to succeeded");
        assertThat(List.of(RunState.values())).filteredOn(RunState::live)
                .containsExactly(RunState.STARTING, RunState.RUNNING, RunState.STOPPING);
        for (RunState s : RunState.values()) {
            assertThat(s.live() && s.ended()).as(s.name()).isFalse();
        }
    }

    @Test
    void finishedOnlyInAnEndedStateAndTheSpecNamesItsFolder() {
        assertThatThrownBy(() -> new RunEvent.Finished(RunState.RUNNING, null)).hasMessageContaining("running".toUpperCase());
        UUID id = UUID.randomUUID();
        RunSpec spec = new RunSpec(id, Path.of("/p"), "sd-scripts", "0.9", TrainingConfig.defaults(), "XL v2",
                Path.of("/m/base.safetensors"), "ab", List.of(new DatasetEntry("01.png", "cd", null)), Instant.EPOCH);
        assertThat(spec.runDir()).isEqualTo(Path.of("/p/runs/" + id));
    }
}
