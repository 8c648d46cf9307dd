package io.atelier.engine.sdscripts.launch;

import java.util.Map;

/** The environment sd-scripts' Python gets (reference §2). */
final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    /**
     * Unbuffered output (stdout is block-buffered on a pipe, so progress would arrive in bursts) and UTF-8 streams
     * (the bilingual messages raise UnicodeEncodeError on a Windows code-page pipe). The GPU is chosen with
     * {@code CUDA_VISIBLE_DEVICES} unless accelerate does it with {@code --gpu_ids}.
     *
     * @param viaAccelerate whether the command is {@code accelerate launch}
     */
    static void apply(Map<String, String> env, SdScriptsSettings settings, boolean viaAccelerate) {
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONUTF8", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        if (!viaAccelerate) {
            settings.gpu().ifPresent(g -> env.put("CUDA_VISIBLE_DEVICES", g));
        }
    }
}
