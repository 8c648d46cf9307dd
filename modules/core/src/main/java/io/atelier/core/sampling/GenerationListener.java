package io.atelier.core.sampling;

import java.nio.file.Path;

/** What a sampler reports per request, on its own thread. */
public interface GenerationListener {

    /** A sampling step of the request finished ({@code step} of {@code steps}), where the sampler can tell. */
    default void step(GenerationRequest request, int step, int steps) {
    }

    /** The PNG was written. */
    void written(GenerationRequest request, Path file);

    /** This request failed; the sampler goes on with the next one. */
    void failed(GenerationRequest request, String reason);
}
