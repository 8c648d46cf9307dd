package io.atelier.imaging.prepare;

import io.atelier.imaging.report.FileProblem;
import java.util.List;

/**
 * What undoing a Prepare did.
 *
 * @param restored  images brought back from {@code .originals/} under their imported names
 * @param problems  files that needed attention (an edited prepared image went to {@code .trash/}, ...)
 * @param cancelled never true once the undo has begun moving files: an undo runs to its end or resumes
 */
public record UndoResult(int restored, List<FileProblem> problems, boolean cancelled) {

    public UndoResult {
        problems = List.copyOf(problems);
    }
}
