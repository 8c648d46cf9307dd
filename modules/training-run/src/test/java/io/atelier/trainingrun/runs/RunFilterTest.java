package io.atelier.trainingrun.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunState;
import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunFilterTest {

    static RunRow row(String project, RunState state, String model) {
        StoredRun run = new StoredRun(UUID.randomUUID(), Path.of("/p", project), "sd-scripts", "{}", state, null,
                state == RunState.QUEUED ? 1L : null, null, null, Instant.EPOCH, Instant.EPOCH,
                new RunEvent.Progress(10, 100, 1, 10, 2.0), Instant.parse("2025-01-01T10:00:00Z"),
                state.ended() ? Instant.parse("2025-01-01T10:05:07Z") : null, false);
        return new RunRow(run, project, model, false);
    }

    @Test
    void filtersByProjectStateAndBaseModel() {
        List<RunRow> rows = List.of(row("cat", RunState.SUCCEEDED, "ponyDiffusionV6XL"),
                row("cat", RunState.QUEUED, "illustriousXL"), row("dog", RunState.FAILED, "ponyDiffusionV6XL"));
        assertThat(RunFilter.ALL.apply(rows)).hasSize(3);
        assertThat(RunFilter.ALL.withProject("cat").apply(rows)).hasSize(2);
        assertThat(RunFilter.ALL.withProject("cat").withState(RunState.QUEUED).apply(rows))
                .extracting(RunRow::baseModel).containsExactly("illustriousXL");
        assertThat(RunFilter.ALL.withBaseModel("ponyDiffusionV6XL").apply(rows))
                .extracting(RunRow::project).containsExactly("cat", "dog");
        assertThat(RunFilter.choices(rows, RunRow::project)).containsExactly("cat", "dog");
    }

    @Test
    void rowTexts() {
        RunRow r = row("cat", RunState.SUCCEEDED, "m");
        assertThat(r.progressText()).isEqualTo("10 / 100");
        assertThat(r.epochText()).isEqualTo("1 / 10");
        assertThat(r.durationText(Instant.MAX)).isEqualTo("5 min 07 s"); // ended: its own end, not now
        assertThat(new RunRow(r.run(), "cat", "m", true).stateText()).isEqualTo("Succeeded \u2014 folder missing");
    }

    @Test
    void dropTargetAccountsForTheRunLeavingItsPlace() {
        assertThat(QueueList.targetIndex(0, 3)).isEqualTo(2); // first run dropped after the third
        assertThat(QueueList.targetIndex(2, 0)).isEqualTo(0);
        assertThat(QueueList.targetIndex(1, 1)).isEqualTo(1);
    }
}
