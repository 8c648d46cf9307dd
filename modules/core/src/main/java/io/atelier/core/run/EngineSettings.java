package io.atelier.core.run;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An engine's settings on this machine (the sd-scripts folder, the Python command, the GPU), as the user set them in
 * the Options panel or with {@code atelier engine config}; kept in the store, handed to the engine on every call.
 * Keys are the engine's own ({@code dir}, {@code python}, ...); a blank value is the same as none.
 */
public record EngineSettings(Map<String, String> values) {

    public static final EngineSettings NONE = new EngineSettings(Map.of());

    public EngineSettings {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public EngineSettings with(String key, String value) {
        Map<String, String> next = new TreeMap<>(values);
        if (value == null || value.isBlank()) {
            next.remove(key);
        } else {
            next.put(key, value.strip());
        }
        return new EngineSettings(next);
    }
}
