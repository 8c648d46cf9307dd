package io.atelier.core.caption;

import java.util.List;

/**
 * What applying (or undoing) a batch did.
 *
 * @param written   captions written
 * @param conflicts captions left alone because another program changed them meanwhile, or that failed
 * @param undo      how to take this back
 */
public record BatchResult(int written, List<CaptionProblem> conflicts, BatchUndo undo) {

    public BatchResult {
        conflicts = List.copyOf(conflicts);
    }
}
