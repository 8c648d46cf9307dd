package io.atelier.imaging.prepare;

import io.atelier.imaging.report.FileProblem;
import java.util.List;

/**
 * What a Prepare did.
 *
 * @param prepared        the images of the dataset now, in order
 * @param problems        images left as they were (unreadable), each with the reason
 * @param notes           what else the user should know: files moved to {@code .trash/} because they were in the
 *                        way of the new names, captions shared by two images
 * @param cancelled       stopped before the dataset was touched; running Prepare again resumes
 * @param alreadyPrepared the dataset was already prepared with these options: nothing was written
 */
public record PrepareResult(List<PreparedImage> prepared, List<FileProblem> problems, List<FileProblem> notes,
                            boolean cancelled, boolean alreadyPrepared) {

    public PrepareResult {
        prepared = List.copyOf(prepared);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public long upscaled() {
        return prepared.stream().filter(PreparedImage::upscaled).count();
    }
}
