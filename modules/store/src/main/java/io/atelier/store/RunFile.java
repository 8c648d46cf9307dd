package io.atelier.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file a run wrote, as its engine reported it: a LoRA checkpoint or a sample image. The file on disk is the truth;
 * this row says what it is (epoch, step, prompt) and may outlive it.
 *
 * @param promptIndex the sample prompt's index, -1 for checkpoints
 */
public record RunFile(Path path, Kind kind, int epoch, long step, int promptIndex, Instant created) {

    public enum Kind { CHECKPOINT, SAMPLE }
}
