package io.atelier.trainingrun.options;

import io.atelier.core.run.EngineSettings;

/**
 * What the Training options show: the sd-scripts engine's settings (its keys {@code dir}, {@code python},
 * {@code accelerate}, {@code gpu}) and the queue's.
 */
record TrainingSettings(EngineSettings engine, boolean paused, int parallel) {

    static final String ENGINE = "sd-scripts";
    static final String DIR = "dir";
    static final String PYTHON = "python";
    static final String ACCELERATE = "accelerate";
    static final String GPU = "gpu";

    /** Why the GPU field is refused, or null: blank (all), or GPU indexes such as {@code 0} or {@code 0,1}. */
    static String gpuProblem(String gpu) {
        return gpu == null || gpu.isBlank() || gpu.strip().matches("\\d+(\\s*,\\s*\\d+)*") ? null
                : "GPU: give a GPU index such as 0, or several such as 0,1";
    }
}
