package io.atelier.core.lora.inspect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A LoRA's {@code __metadata__} split by who wrote it, each in the file's order: sd-scripts' training record
 * ({@code ss_*}), the Stability AI model spec ({@code modelspec.*}), the hashes for A1111's additional-networks
 * extension ({@code sshs_*}), and anything else.
 */
public record MetadataGroups(Map<String, String> ss, Map<String, String> modelspec, Map<String, String> hashes,
                             Map<String, String> other) {

    public MetadataGroups {
        ss = Collections.unmodifiableMap(new LinkedHashMap<>(ss));
        modelspec = Collections.unmodifiableMap(new LinkedHashMap<>(modelspec));
        hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    static MetadataGroups of(Map<String, String> metadata) {
        Map<String, String> ss = new LinkedHashMap<>();
        Map<String, String> modelspec = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            // sshs_ first: it also starts with "ss"
            Map<String, String> into = k.startsWith("sshs_") ? hashes : k.startsWith("ss_") ? ss
                    : k.startsWith("modelspec.") ? modelspec : other;
            into.put(k, v);
        });
        return new MetadataGroups(ss, modelspec, hashes, other);
    }

    public boolean isEmpty() {
        return ss.isEmpty() && modelspec.isEmpty() && hashes.isEmpty() && other.isEmpty();
    }
}
