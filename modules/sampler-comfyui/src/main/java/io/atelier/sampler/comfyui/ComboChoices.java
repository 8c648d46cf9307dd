package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of a list input in {@code /object_info}: {@code [["a", "b"], {…}]} as nodes.py's classes declare them,
 * or the explicit {@code ["COMBO", {"options": ["a", "b"]}]} form newer nodes use.
 */
final class ComboChoices {

    private ComboChoices() {
    }

    static Optional<List<String>> of(JsonNode spec) {
        JsonNode first = spec.path(0);
        JsonNode values;
        if (first.isArray()) {
            values = first;
        } else if ("COMBO".equals(first.asText()) && spec.path(1).path("options").isArray()) {
            values = spec.path(1).path("options");
        } else {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return Optional.of(List.copyOf(out));
    }
}
