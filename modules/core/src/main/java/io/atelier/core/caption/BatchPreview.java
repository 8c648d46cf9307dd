package io.atelier.core.caption;

import java.util.List;

/**
 * What a batch edit would do, before anything is written.
 *
 * @param edit      the edit
 * @param changes   captions that would change, in image order
 * @param unchanged how many captions the edit leaves as they are
 * @param problems  captions that could not be read
 */
public record BatchPreview(CaptionEdit edit, List<CaptionChange> changes, int unchanged,
                           List<CaptionProblem> problems) {

    public BatchPreview {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    /** The first {@code n} changes, for showing a sample. */
    public List<CaptionChange> sample(int n) {
        return changes.subList(0, Math.min(n, changes.size()));
    }
}
