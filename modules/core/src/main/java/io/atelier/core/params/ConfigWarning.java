package io.atelier.core.params;

import java.util.Map;

/**
 * A plain-language warning about a configuration, and its fix.
 *
 * @param id        stable identifier (for tests, JSON and "don't show again")
 * @param severity  WARNING: likely to spoil the LoRA or the run; NOTE: worth knowing, harmless
 * @param message   what is wrong and what it costs
 * @param fix       what to do, in words
 * @param fixValues the parameter values that apply the fix in one click; empty when the fix is elsewhere (captions)
 */
public record ConfigWarning(String id, Severity severity, String message, String fix, Map<String, Object> fixValues) {

    public enum Severity { WARNING, NOTE }

    public ConfigWarning {
        fixValues = Map.copyOf(fixValues);
    }

    /** The configuration with the one-click fix applied (unchanged when the fix is not a parameter change). */
    public TrainingConfig applyTo(TrainingConfig config) {
        return TrainingConfig.of(merge(config, fixValues));
    }

    private static Map<String, Object> merge(TrainingConfig config, Map<String, Object> changes) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(config.values());
        all.putAll(changes);
        return all;
    }
}
