package io.atelier.imaging.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prepare or Undo killed after any single file operation: the rerun must end exactly where an uninterrupted run
 * ends, with nothing lost and nothing twice. The crash is simulated by a {@link FileMoves} that fails after N
 * operations, for every N until a run gets through.
 */
class InterruptedPrepareTest {

    private static final PrepareOptions OPTIONS = new PrepareOptions(256, OutputFormat.PNG);

    @TempDir
    Path temp;

    /** Three imported images, one of them named like a prepared image, one sharing nothing. */
    private DatasetFixture fixture(String name) throws IOException {
        DatasetFixture d = new DatasetFixture(Files.createDirectories(temp.resolve(name)));
        d.image("b.jpg", 600, 400, 1, "GLSHS, b");
        d.image("01.png", 300, 200, 2, "GLSHS, one");
        d.image("c.png", 200, 300, 3, null);
        return d;
    }

    @Test
    void aPrepareKilledAfterAnyMoveIsFinishedByTheRerun() throws IOException {
        DatasetFixture reference = fixture("reference");
        new DatasetPreparer(1).prepare(reference.layout, OPTIONS, null, null);
        Map<String, String> expected = relevant(reference.snapshot());

        int crashes = 0;
        for (int allowed = 0; ; allowed++) {
            DatasetFixture d = fixture("crash-" + allowed);
            FileMoves failing = crashingAfter(allowed);
            boolean crashed;
            try {
                new DatasetPreparer(1, failing).prepare(d.layout, OPTIONS, null, null);
                crashed = false;
            } catch (IOException e) {
                assertThat(e).hasMessage("simulated crash");
                crashed = true;
            }
            PrepareResult rerun = new DatasetPreparer(1).prepare(d.layout, OPTIONS, null, null);

            assertThat(rerun.prepared()).hasSize(3);
            assertThat(relevant(d.snapshot())).as("after a crash following %d moves", allowed).isEqualTo(expected);
            assertThat(d.layout.trash()).doesNotExist();
            if (!crashed) {
                break;
            }
            crashes++;
        }
        assertThat(crashes).as("crash points tried").isGreaterThanOrEqualTo(9);
    }

    @Test
    void anUndoKilledAfterAnyMoveIsFinishedByTheRerun() throws IOException {
        DatasetFixture reference = fixture("reference");
        new DatasetPreparer(1).prepare(reference.layout, OPTIONS, null, null);
        new DatasetPreparer(1).undo(reference.layout, null, null);
        Map<String, String> expected = relevant(reference.snapshot());
        assertThat(reference.dataset().keySet()).containsExactlyInAnyOrder("b.jpg", "b.txt", "01.png", "01.txt",
                "c.png");

        int crashes = 0;
        for (int allowed = 0; ; allowed++) {
            DatasetFixture d = fixture("undo-crash-" + allowed);
            new DatasetPreparer(1).prepare(d.layout, OPTIONS, null, null);
            boolean crashed;
            try {
                new DatasetPreparer(1, crashingAfter(allowed)).undo(d.layout, null, null);
                crashed = false;
            } catch (IOException e) {
                assertThat(e).hasMessage("simulated crash");
                crashed = true;
            }
            if (crashed) {
                assertThat(DatasetPreparer.canUndo(d.layout)).isTrue();
                new DatasetPreparer(1).undo(d.layout, null, null);
            }
            assertThat(relevant(d.snapshot())).as("after a crash following %d moves", allowed).isEqualTo(expected);
            if (!crashed) {
                break;
            }
            crashes++;
        }
        assertThat(crashes).as("crash points tried").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPrepareKilledMidwayCanBeUndoneDirectly() throws IOException {
        DatasetFixture d = fixture("direct");
        Map<String, String> imported = d.dataset();
        assertThatThrownBy(() -> new DatasetPreparer(1, crashingAfter(4)).prepare(d.layout, OPTIONS, null, null))
                .hasMessage("simulated crash");

        new DatasetPreparer(1).undo(d.layout, null, null);

        assertThat(d.dataset()).isEqualTo(imported);
    }

    private static FileMoves crashingAfter(int allowed) {
        AtomicInteger left = new AtomicInteger(allowed);
        return new FileMoves() {
            @Override
            public void move(Path from, Path to) throws IOException {
                step();
                FileMoves.ATOMIC.move(from, to);
            }

            @Override
            public void copy(Path from, Path to) throws IOException {
                step();
                FileMoves.ATOMIC.copy(from, to);
            }

            private void step() throws IOException {
                if (left.getAndDecrement() <= 0) {
                    throw new IOException("simulated crash");
                }
            }
        };
    }

    /** The project's files without the journal (which records time-free but run-specific phases). */
    private static Map<String, String> relevant(Map<String, String> snapshot) {
        Map<String, String> files = new TreeMap<>(snapshot);
        files.remove("dataset/.prepare/journal.json");
        return files;
    }
}
