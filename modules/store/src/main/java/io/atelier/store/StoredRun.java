package io.atelier.store;

import io.atelier.core.project.ProjectLayout;
import io.atelier.core.run.RunEvent;
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
 * @param progress      the last progress the engine reported, null before the first
 * @param started       when it last started (or resumed), null while it never did
 * @param ended         when it last ended, null while live or queued
 * @param resume        queued to continue from its saved state rather than start over
 */
public record StoredRun(UUID id, Path projectFolder, String engine, String spec, RunState state, String reason,
                        Long queuePosition, Long pid, Instant processStart, Instant created, Instant updated,
                        RunEvent.Progress progress, Instant started, Instant ended, boolean resume) {

    /** {@code runs/<id>/} in its project: the spec, the log and the engine's files. */
    public Path runDir() {
        return new ProjectLayout(projectFolder).run(id);
    }
}
