package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.run.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {

    @TempDir
    Path home;

    private static UUID enqueue(RunRepository runs, String project) {
        UUID id = UUID.randomUUID();
        runs.enqueue(id, Path.of("/loras", project), "sd-scripts", "{\"project\":\"" + project + "\"}");
        return id;
    }

    @Test
    void theQueuePersistsAcrossRestartsAndCanBeReordered() throws Exception {
        UUID a;
        UUID b;
        UUID c;
        try (Store store = Store.open(new StoreLocation(home))) {
            RunRepository runs = store.runs();
            a = enqueue(runs, "glass");
            b = enqueue(runs, "mira");
            c = enqueue(runs, "ayla");
            assertThat(runs.move(c, 0)).extracting(StoredRun::id).containsExactly(c, a, b);
        }
        try (Store again = Store.open(new StoreLocation(home))) {
            assertThat(again.runs().queue()).extracting(StoredRun::id).containsExactly(c, a, b);
            assertThat(again.runs().find(a).orElseThrow().spec()).isEqualTo("{\"project\":\"glass\"}");
            assertThatThrownBy(() -> again.runs().move(UUID.randomUUID(), 0)).hasMessageContaining("is not queued");
        }
    }

    @Test
    void statesMoveOnlyAlongTheArrowsAndFromWhatTheCallerSaw() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            RunRepository runs = store.runs();
            UUID id = enqueue(runs, "glass");
            StoredRun starting = runs.transition(id, RunState.QUEUED, RunState.STARTING, null);
            assertThat(starting.queuePosition()).isNull();
            runs.processStarted(id, 4242, Instant.parse("2026-11-29T10:00:00Z"));
            StoredRun running = runs.transition(id, RunState.STARTING, RunState.RUNNING, null);
            assertThat(running.pid()).isEqualTo(4242);
            assertThatThrownBy(() -> runs.transition(id, RunState.STARTING, RunState.RUNNING, null))
                    .hasMessageContaining("is not starting any more");
            assertThatThrownBy(() -> runs.transition(id, RunState.RUNNING, RunState.QUEUED, null))
                    .hasMessage("a run cannot go from running to queued");
            StoredRun failed = runs.transition(id, RunState.RUNNING, RunState.FAILED, "sd-scripts exited with code 1");
            assertThat(failed.reason()).isEqualTo("sd-scripts exited with code 1");
            assertThat(failed.pid()).isNull();
            assertThat(runs.transition(id, RunState.FAILED, RunState.QUEUED, null).queuePosition()).isNotNull();
        }
    }

    /** The app died mid-run: on the next start no run is left "running". */
    @Test
    void reconcileInterruptsLiveRunsWhoseProcessIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        ProcessHandle self = ProcessHandle.current();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:00:00Z"));
        try (Store store = Store.open(new StoreLocation(home), clock)) {
            RunRepository runs = store.runs();
            UUID dead = enqueue(runs, "glass");
            runs.transition(dead, RunState.QUEUED, RunState.STARTING, null);
            runs.processStarted(dead, finished.pid(), null);
            runs.transition(dead, RunState.STARTING, RunState.RUNNING, null);
            UUID living = enqueue(runs, "mira");
            runs.transition(living, RunState.QUEUED, RunState.STARTING, null);
            runs.processStarted(living, self.pid(), self.info().startInstant().orElse(null));
            UUID neverStarted = enqueue(runs, "ayla");
            runs.transition(neverStarted, RunState.QUEUED, RunState.STARTING, null); // crashed before the launch
            UUID queued = enqueue(runs, "zoe");
            clock.now = clock.now.plusSeconds(30);
            UUID justClaimed = enqueue(runs, "ivy");
            runs.transition(justClaimed, RunState.QUEUED, RunState.STARTING, null); // another process launches it
            clock.now = clock.now.plus(RunRepository.STARTING_GRACE).minusSeconds(10);

            List<StoredRun> interrupted = runs.reconcile(RunRepository.ProcessProbe.OS,
                    run -> "the engine process is gone; last log line: epoch 2/4");

            assertThat(interrupted).extracting(StoredRun::id).containsExactlyInAnyOrder(dead, neverStarted);
            assertThat(runs.find(dead).orElseThrow().state()).isEqualTo(RunState.INTERRUPTED);
            assertThat(runs.find(dead).orElseThrow().reason()).contains("epoch 2/4");
            assertThat(runs.find(living).orElseThrow().state()).isEqualTo(RunState.STARTING);
            assertThat(runs.find(queued).orElseThrow().state()).isEqualTo(RunState.QUEUED);
            assertThat(runs.find(justClaimed).orElseThrow().state()).as("within its grace").isEqualTo(RunState.STARTING);
            assertThat(RunRepository.ProcessProbe.OS.alive(self.pid(), Instant.EPOCH)).as("pid reused").isFalse();
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends java.time.Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
