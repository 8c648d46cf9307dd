package io.atelier.core.gallery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A sample image of a run and what made it: written by the engine during training ({@link Source#RUN}) or generated
 * for the gallery afterwards ({@link Source#GENERATED}, possibly on another base model or at another LoRA strength).
 *
 * @param epoch       the LoRA's epoch; 0 = the base model without the LoRA
 * @param step        the step of the run at that epoch (0 when unknown)
 * @param promptIndex the prompt's index in the run's sample prompts, or in the prompt file it was generated from
 * @param seed        null when unknown (sd-scripts without {@code --d} draws a new seed every time)
 * @param baseModel   the checkpoint's file name
 * @param baseModelSha256 null when unknown
 */
public record SampleImage(UUID id, UUID runId, Path file, Source source, int epoch, long step, int promptIndex,
        String prompt, String negativePrompt, Long seed, String sampler, double cfgScale, int steps, int width,
        int height, String baseModel, String baseModelSha256, double loraStrength, Instant created) {

    public enum Source { RUN, GENERATED }

    public SampleImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        prompt = prompt == null ? "" : prompt;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        sampler = sampler == null ? "" : sampler;
        baseModel = baseModel == null ? "" : baseModel;
        Objects.requireNonNull(created, "created");
    }
}
