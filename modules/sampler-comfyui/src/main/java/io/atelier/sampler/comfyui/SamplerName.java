package io.atelier.sampler.comfyui;

import java.util.Locale;
import java.util.Map;

/**
 * An sd-scripts sampler name ({@code sample_sampler}, {@code --ss}) as ComfyUI's KSampler calls it
 * ({@code comfy.samplers.KSampler.SAMPLERS}) and as A1111 writes it into the infotext. sd-scripts names with no
 * ComfyUI sampler of the same method run as Euler.
 *
 * @param comfy    KSampler's {@code sampler_name}
 * @param infotext A1111's display name
 */
record SamplerName(String comfy, String infotext) {

    static final SamplerName EULER = new SamplerName("euler", "Euler");

    private static final Map<String, SamplerName> BY_SD_SCRIPTS = Map.of(
            "euler", EULER,
            "euler_a", new SamplerName("euler_ancestral", "Euler a"),
            "ddim", new SamplerName("ddim", "DDIM"),
            "dpmsolver++", new SamplerName("dpmpp_2m", "DPM++ 2M"),
            "dpm_2", new SamplerName("dpm_2", "DPM2"),
            "dpm_2_a", new SamplerName("dpm_2_ancestral", "DPM2 a"),
            "lms", new SamplerName("lms", "LMS"),
            "heun", new SamplerName("heun", "Heun"));

    /** The sampler for an sd-scripts name, {@code k_} aliases included; Euler for any other name. */
    static SamplerName forSdScripts(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("k_")) {
            n = n.substring(2);
        }
        return BY_SD_SCRIPTS.getOrDefault(n, EULER);
    }
}
