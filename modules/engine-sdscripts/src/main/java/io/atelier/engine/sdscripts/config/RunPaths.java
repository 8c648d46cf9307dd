package io.atelier.engine.sdscripts.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one run that the {@code --config_file} TOML points at. {@code samplePrompts} is empty when the run
 * renders no samples.
 */
public record RunPaths(Path pretrainedModel, Path datasetConfig, Path outputDir, Path loggingDir,
                       Optional<Path> samplePrompts) {

    public RunPaths {
        Objects.requireNonNull(pretrainedModel, "pretrainedModel");
        Objects.requireNonNull(datasetConfig, "datasetConfig");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(loggingDir, "loggingDir");
        Objects.requireNonNull(samplePrompts, "samplePrompts");
    }

    /** The usual layout of a run folder: {@code dataset.toml}, {@code out/}, {@code logs/}, {@code prompts.txt}. */
    public static RunPaths inRunFolder(Path pretrainedModel, Path runDir, boolean withSamples) {
        return new RunPaths(pretrainedModel, runDir.resolve("dataset.toml"), runDir.resolve("out"),
                runDir.resolve("logs"), withSamples ? Optional.of(runDir.resolve("prompts.txt")) : Optional.empty());
    }
}
