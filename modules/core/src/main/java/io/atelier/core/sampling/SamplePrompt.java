package io.atelier.core.sampling;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the sample-prompt file (reference §11). sd-scripts splits a line on {@code " --"}, so neither text may
 * contain it, nor a line break; sizes are multiples of 8 of at least 64 (sd-scripts would floor them silently).
 */
public record SamplePrompt(String prompt, String negative, int width, int height, int seed, double cfgScale,
                           int steps, Optional<String> sampler) {

    public SamplePrompt {
        Objects.requireNonNull(prompt, "prompt");
        negative = negative == null ? "" : negative.strip();
        prompt = prompt.strip();
        Objects.requireNonNull(sampler, "sampler");
        checkText("prompt", prompt);
        checkText("negative prompt", negative);
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("prompt: empty");
        }
        checkSize("width", width);
        checkSize("height", height);
        if (seed < 0) {
            throw new IllegalArgumentException("seed: " + seed + " is negative");
        }
        if (!(cfgScale > 0) || !Double.isFinite(cfgScale)) {
            throw new IllegalArgumentException("cfg scale: " + cfgScale + " must be a positive number");
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("steps: " + steps + " is outside 1–1000");
        }
        sampler.ifPresent(s -> checkText("sampler", s));
    }

    private static void checkText(String what, String text) {
        if (text.contains(" --") || text.startsWith("--")) {
            throw new IllegalArgumentException(what + ": \"" + text + "\" contains \"--\", which sd-scripts reads as "
                    + "the start of an option");
        }
        if (text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException(what + ": a line break is not allowed");
        }
    }

    private static void checkSize(String what, int v) {
        if (v < 64 || v % 8 != 0) {
            throw new IllegalArgumentException(what + ": " + v + " must be a multiple of 8, at least 64");
        }
    }
}
