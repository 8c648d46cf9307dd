package io.atelier.core.run;

import io.atelier.core.basemodel.BaseModelFamily;
import java.util.Set;

/**
 * A trainer LoRA Atelier can run: sd-scripts or the built-in DJL engine. Implementations register with
 * {@code @ServiceProvider(service = TrainingEngine.class)} and are found through {@code Lookup}.
 */
public interface TrainingEngine {

    /** Stable id: {@code sd-scripts}, {@code builtin}. */
    String id();

    String name();

    Set<BaseModelFamily> supportedFamilies();

    /**
     * The version a run records (the sd-scripts commit, the built-in engine's release), so a run can be reproduced;
     * by default this module's implementation version.
     */
    default String version(EngineSettings settings) {
        String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Whether it can run here with {@code settings}, whether it can use CUDA, and if not why — checked without
     * starting a run; may take seconds (it may run the engine's interpreter), so never on the event thread.
     */
    EngineAvailability availability(EngineSettings settings);

    /** Whether an interrupted run with a saved state can continue. */
    boolean canResume();

    /**
     * Prepares {@code spec.runDir()} and starts the run; events go to {@code listener} until {@link RunEvent.Finished}.
     *
     * @throws EngineException when the run cannot start (program missing, bad configuration), naming the cause
     */
    RunHandle start(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException;

    /**
     * Continues an interrupted run from its last saved state, keeping its step and epoch count and its metric series,
     * never overwriting earlier checkpoints.
     *
     * @throws EngineException when there is no state to resume from
     */
    RunHandle resume(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException;
}
