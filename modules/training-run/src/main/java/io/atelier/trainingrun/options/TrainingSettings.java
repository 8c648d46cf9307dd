package io.atelier.trainingrun.options;

import io.atelier.core.run.EngineSettings;
import io.atelier.runner.EngineCatalog;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What the Training options show: the sd-scripts engine's settings (its keys {@code dir}, {@code python},
 * {@code accelerate}, {@code gpu}), the built-in engine's (its key {@code tokenizer}) and the queue's.
 */
record TrainingSettings(EngineSettings engine, EngineSettings builtin, boolean paused, int parallel) {

    static final String ENGINE = "sd-scripts";
    static final String DIR = "dir";
    static final String PYTHON = "python";
    static final String ACCELERATE = "accelerate";
    static final String GPU = "gpu";
    /** The built-in (DJL) engine; its id and key are the engine-djl module's, which this module does not depend on. */
    static final String BUILTIN = "builtin";
    /** The folder with the CLIP tokenizer's files; unset = the Hugging Face cache. */
    static final String TOKENIZER = "tokenizer";

    /** Both engines' settings as stored (reads the store: off the event thread). */
    static TrainingSettings load(EngineCatalog engines, boolean paused, int parallel) {
        return new TrainingSettings(engines.settings(ENGINE), engines.settings(BUILTIN), paused, parallel);
    }

    /** Writes the engines' settings that differ from {@code before}; the queue's are the caller's. */
    void saveEngines(EngineCatalog engines, TrainingSettings before) {
        if (!before.engine().equals(engine)) {
            engines.saveSettings(ENGINE, engine);
        }
        if (!before.builtin().equals(builtin)) {
            engines.saveSettings(BUILTIN, builtin);
        }
    }

    /** The tokenizer folder as set, or empty for the Hugging Face cache. */
    String tokenizer() {
        return builtin.get(TOKENIZER, "");
    }

    /** With the tokenizer folder set; blank removes the setting, so the engine looks in the Hugging Face cache. */
    TrainingSettings withTokenizer(String folder) {
        return new TrainingSettings(engine, builtin.with(TOKENIZER, folder), paused, parallel);
    }

    /** Why OK is refused, or null. */
    String problem() {
        String gpu = gpuProblem(engine.get(GPU, ""));
        return gpu != null ? gpu : tokenizerProblem(tokenizer());
    }

    /** Why the GPU field is refused, or null: blank (all), or GPU indexes such as {@code 0} or {@code 0,1}. */
    static String gpuProblem(String gpu) {
        return gpu == null || gpu.isBlank() || gpu.strip().matches("\\d+(\\s*,\\s*\\d+)*") ? null
                : "GPU: give a GPU index such as 0, or several such as 0,1";
    }

    /**
     * Why the tokenizer folder is refused, or null: blank (the Hugging Face cache) or an existing folder. Whether the
     * files are in it is the engine's check, which the panel's Check runs.
     */
    static String tokenizerProblem(String folder) {
        if (folder == null || folder.isBlank()) {
            return null;
        }
        String f = folder.strip();
        try {
            Path p = Path.of(f);
            if (Files.isDirectory(p)) {
                return null;
            }
            return "CLIP tokenizer folder: " + f + (Files.exists(p) ? " is a file, not a folder" : " does not exist")
                    + " (leave it empty to use the Hugging Face cache)";
        } catch (InvalidPathException e) {
            return "CLIP tokenizer folder: " + f + " is not a valid path (" + e.getReason() + ")";
        }
    }
}
