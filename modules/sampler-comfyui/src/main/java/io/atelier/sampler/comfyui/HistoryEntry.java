package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished prompt as {@code GET /history/<id>} gives it (execution.py's {@code PromptQueue.task_done}):
 * {@code {"outputs": {"<node>": {"images": [{"filename", "subfolder", "type"}]}}, "status": {"status_str":
 * "success"|"error", "completed", "messages": [[event, data], …]}}}. Servers from before the status field give only
 * the outputs.
 */
record HistoryEntry(List<OutputImage> images, Optional<String> error) {

    static HistoryEntry of(JsonNode entry, String saveNodeId) {
        List<OutputImage> images = new ArrayList<>();
        for (JsonNode image : entry.path("outputs").path(saveNodeId).path("images")) {
            images.add(new OutputImage(image.path("filename").asText(), image.path("subfolder").asText(""),
                    image.path("type").asText("output")));
        }
        JsonNode status = entry.path("status");
        Optional<String> error = "error".equals(status.path("status_str").asText())
                ? Optional.of(errorOf(status.path("messages"))) : Optional.empty();
        return new HistoryEntry(List.copyOf(images), error);
    }

    /** The execution error's node type and exception message, or the node an interrupt stopped at. */
    private static String errorOf(JsonNode messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : messages) {
            String event = m.path(0).asText();
            JsonNode data = m.path(1);
            String node = data.path("node_type").asText("a node");
            if (event.equals("execution_error")) {
                out.add(node + ": " + data.path("exception_message").asText("(no message)").strip());
            } else if (event.equals("execution_interrupted")) {
                out.add("interrupted at " + node);
            }
        }
        return out.isEmpty() ? "the prompt ended with an error and no message" : String.join("; ", out);
    }
}
