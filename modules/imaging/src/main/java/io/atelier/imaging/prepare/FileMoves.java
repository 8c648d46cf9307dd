package io.atelier.imaging.prepare;

import io.atelier.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The renames and copies with which Prepare and Undo change the dataset, each atomic. A seam for the tests, which
 * stop a run after every possible step to prove that a rerun always finishes the job.
 */
interface FileMoves {

    FileMoves ATOMIC = new FileMoves() {
        @Override
        public void move(Path from, Path to) throws IOException {
            AtomicFiles.move(from, to);
        }

        @Override
        public void copy(Path from, Path to) throws IOException {
            AtomicFiles.copy(from, to);
        }
    };

    void move(Path from, Path to) throws IOException;

    void copy(Path from, Path to) throws IOException;
}
