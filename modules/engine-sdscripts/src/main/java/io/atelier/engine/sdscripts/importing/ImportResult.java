package io.atelier.engine.sdscripts.importing;

import io.atelier.core.params.TrainingConfig;
import java.util.Objects;

/** The configuration an import produced (the base configuration with every accepted value) and its report. */
public record ImportResult(TrainingConfig config, ImportReport report) {

    public ImportResult {
        Objects.requireNonNull(config);
        Objects.requireNonNull(report);
    }
}
