package io.atelier.engine.djl.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.engine.djl.tokenizer.TokenizerFiles;
import io.atelier.engine.djl.tokenizer.TokenizerNotFoundException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * DJL's PyTorch engine and the run's device, and the CLIP tokenizer's files as the settings say. DJL finds engines
 * with {@code ServiceLoader} on the thread's context class loader, which inside NetBeans is not this module's, so it
 * is switched around the look-up.
 */
public final class DjlRuntime {

    /** The engine setting naming the folder with the CLIP tokenizer's files; unset = the Hugging Face cache. */
    public static final String TOKENIZER_SETTING = "tokenizer";

    private DjlRuntime() {
    }

    /** @throws EngineException naming why PyTorch did not load */
    public static Engine pytorch() throws EngineException {
        try {
            return withOurClassLoader(() -> Engine.getEngine("PyTorch"));
        } catch (RuntimeException e) {
            throw new EngineException("DJL's PyTorch engine did not load: " + e.getMessage(), e);
        }
    }

    public static <T> T withOurClassLoader(Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader old = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            return body.get();
        } finally {
            thread.setContextClassLoader(old);
        }
    }

    /** CUDA when PyTorch sees a GPU, else the CPU. */
    public static Device device(Engine engine) {
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** In words, for the log and the availability message. */
    public static String describe(Engine engine) {
        int gpus = engine.getGpuCount();
        return gpus > 0
                ? "PyTorch " + engine.getVersion() + " on CUDA (" + gpus + " GPU" + (gpus == 1 ? "" : "s")
                        + "), fp32"
                : "PyTorch " + engine.getVersion() + " on the CPU (no CUDA GPU found), fp32: slow, for small runs";
    }

    /**
     * The tokenizer files: the folder of the {@code tokenizer} setting, else the Hugging Face cache.
     *
     * @throws EngineException naming where it looked and how to get the files
     */
    public static TokenizerFiles tokenizer(EngineSettings settings) throws EngineException {
        var folder = settings.get(TOKENIZER_SETTING);
        try {
            if (folder.isPresent()) {
                return TokenizerFiles.in(Path.of(folder.get()));
            }
            return TokenizerFiles.find();
        } catch (TokenizerNotFoundException e) {
            if (folder.isPresent()) {
                Path f = Path.of(folder.get());
                throw new EngineException("No CLIP tokenizer files in the folder set as '" + TOKENIZER_SETTING
                        + "': looked in " + f + " and " + f.resolve("tokenizer") + " for vocab.json + merges.txt or "
                        + "tokenizer.json. Put the files of openai/clip-vit-large-patch14 there (download them with "
                        + "the Hugging Face tools), or clear the setting to use the Hugging Face cache.", e);
            }
            throw new EngineException(e.getMessage(), e);
        }
    }
}
