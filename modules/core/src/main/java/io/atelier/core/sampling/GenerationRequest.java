package io.atelier.core.sampling;

import io.atelier.core.basemodel.BaseModelFamily;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One image to make for the gallery: a base model, optionally a LoRA at a strength, a prompt with its seed and
 * settings, and where the PNG goes (written with the A1111 infotext).
 *
 * @param checkpointSha256 the base model's hash for the infotext, or null
 * @param lora             the LoRA file, or null for the base model alone (the gallery's row 0)
 * @param sampler          sd-scripts' name ({@code euler_a}, {@code euler}, {@code ddim}, …)
 * @param infoExtra        our own infotext keys after A1111's (run, epoch, …)
 */
public record GenerationRequest(Path checkpoint, String checkpointSha256, BaseModelFamily family, Path lora,
        double loraStrength, SamplePrompt prompt, String sampler, int clipSkip, Path output,
        Map<String, String> infoExtra) {

    public GenerationRequest {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(output, "output");
        infoExtra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(infoExtra)); // in order
        if (clipSkip < 1) {
            throw new IllegalArgumentException("clip skip must be at least 1, not " + clipSkip);
        }
        if (!Double.isFinite(loraStrength)) {
            throw new IllegalArgumentException("LoRA strength must be a number");
        }
    }
}
