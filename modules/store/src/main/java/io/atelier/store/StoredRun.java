package io.atelier.store;

import io.atelier.core.run.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A run as the store keeps it.
 *
 * @param spec          the frozen run specification (JSON)
 * @param reason        why it ended as it did, or null
 * @param queuePosition its place in the queue while queued, else null
 * @param pid           the engine process while live, else null
 * @param processStart  that process's start time, so a reused pid is not mistaken for it
 */
public record StoredRun(UUID id, Path projectFolder, String engine, String spec, RunState state, String reason,
                        Long queuePosition, Long pid, Instant processStart, Instant created, Instant updated) {
}
