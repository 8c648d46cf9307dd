package io.atelier.core.run;

import io.atelier.core.params.TrainingConfig;
import io.atelier.core.project.ProjectLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a run needs to be reproduced, frozen when it is queued: the configuration and the preset version it came
 * from, the dataset manifest with hashes, the base model and its hash, the engine and its version.
 *
 * @param preset preset reference ("name vN"), null when none
 */
public record RunSpec(UUID runId, Path projectRoot, String engineId, String engineVersion, TrainingConfig config,
                      String preset, Path baseModel, String baseModelSha256, List<DatasetEntry> dataset,
                      Instant created) {

    public RunSpec {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(created, "created");
        dataset = List.copyOf(dataset);
    }

    /** {@code runs/<run-id>/} in the project. */
    public Path runDir() {
        return new ProjectLayout(projectRoot).run(runId);
    }
}
