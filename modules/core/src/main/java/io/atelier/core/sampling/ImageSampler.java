package io.atelier.core.sampling;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Makes gallery images outside a training run: the built-in DJL sampler, a ComfyUI server. Implementations register
 * with {@code @ServiceProvider}; their settings live in the store like an engine's ({@code sampler.<id>.<key>}).
 */
public interface ImageSampler {

    /** Stable id for settings and the command line: {@code builtin}, {@code comfyui}. */
    String id();

    String name();

    Set<BaseModelFamily> supportedFamilies();

    /** Why it cannot run with these settings (a missing tokenizer, a server that does not answer), or empty. */
    Optional<String> unavailable(EngineSettings settings);

    /**
     * Makes the images in order, telling the listener of each; a request that fails is reported and the next one
     * tried. Returns when all are done or {@code cancelled} turned true (checked between requests and, where the
     * sampler can, between steps).
     *
     * @throws SamplingException when nothing can be made at all (the sampler cannot start)
     */
    void generate(List<GenerationRequest> requests, EngineSettings settings, GenerationListener listener,
            BooleanSupplier cancelled) throws SamplingException;
}
