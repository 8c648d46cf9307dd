package io.atelier.engine.sdscripts.exporting;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an export needs besides the config: the project's dataset folder (images and captions), the base model file
 * (the sd-scripts format needs it), the trigger word (captions of uncaptioned images) and the image count (the
 * Civitai sheet's step total).
 */
public record ExportInputs(Path datasetDir, Optional<Path> pretrainedModel, Optional<String> triggerWord,
                           OptionalInt imageCount) {

    public ExportInputs {
        Objects.requireNonNull(datasetDir, "datasetDir");
        Objects.requireNonNull(pretrainedModel, "pretrainedModel");
        Objects.requireNonNull(triggerWord, "triggerWord");
        Objects.requireNonNull(imageCount, "imageCount");
    }
}
