package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where sd-scripts lives on this machine and how to start it, read from and written to the engine's
 * {@link EngineSettings} under the keys {@value #DIR}, {@value #PYTHON}, {@value #ACCELERATE}, {@value #GPU}.
 *
 * @param dir        the sd-scripts checkout (holds {@code train_network.py}); empty when not set
 * @param python     the Python command: a path or a name looked up on {@code PATH}
 * @param accelerate the {@code accelerate} command; when empty the script is run by Python directly (reference §2)
 * @param gpu        the GPU id ({@code --gpu_ids} / {@code CUDA_VISIBLE_DEVICES}); empty = the default device
 */
public record SdScriptsSettings(Optional<Path> dir, String python, Optional<String> accelerate, Optional<String> gpu) {

    public static final String DIR = "dir";
    public static final String PYTHON = "python";
    public static final String ACCELERATE = "accelerate";
    public static final String GPU = "gpu";

    public SdScriptsSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(accelerate, "accelerate");
        Objects.requireNonNull(gpu, "gpu");
    }

    /** The settings; without a {@value #PYTHON} value, the default of {@link #defaultPython}. */
    public static SdScriptsSettings from(EngineSettings settings) {
        Optional<Path> dir = settings.get(DIR).map(Path::of);
        String python = settings.get(PYTHON).orElseGet(() -> defaultPython(dir.orElse(null)));
        return new SdScriptsSettings(dir, python, settings.get(ACCELERATE), settings.get(GPU));
    }

    public EngineSettings toSettings() {
        EngineSettings s = EngineSettings.NONE.with(PYTHON, python);
        if (dir.isPresent()) {
            s = s.with(DIR, dir.get().toString());
        }
        if (accelerate.isPresent()) {
            s = s.with(ACCELERATE, accelerate.get());
        }
        if (gpu.isPresent()) {
            s = s.with(GPU, gpu.get());
        }
        return s;
    }

    /**
     * The Python of the checkout's own virtual environment ({@code venv/bin/python}, on Windows
     * {@code venv\Scripts\python.exe}) when it exists, as sd-scripts' install instructions create it; else
     * {@code python3} ({@code python} on Windows, where {@code python3} is often the Store's stub) from {@code PATH}.
     */
    public static String defaultPython(Path dir) {
        boolean windows = isWindows();
        if (dir != null) {
            Path venv = windows ? dir.resolve("venv").resolve("Scripts").resolve("python.exe")
                    : dir.resolve("venv").resolve("bin").resolve("python");
            if (Files.isRegularFile(venv)) {
                return venv.toString();
            }
        }
        return windows ? "python" : "python3";
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
