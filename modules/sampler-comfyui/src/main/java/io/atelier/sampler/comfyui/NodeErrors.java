package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's answer to a workflow it refuses (HTTP 400 from {@code POST /prompt}, execution.py's
 * {@code validate_prompt}): {@code {"error": {"message", "details", …}, "node_errors": {"<id>": {"class_type",
 * "errors": [{"message", "details"}]}}}}, in words: the node type and each of its errors.
 */
final class NodeErrors {

    private NodeErrors() {
    }

    static String describe(String body) {
        JsonNode root;
        try {
            root = ComfyClient.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return "ComfyUI refused the workflow: " + body.strip();
        }
        List<String> nodes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("node_errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> node = it.next();
            List<String> errors = new ArrayList<>();
            node.getValue().path("errors").forEach(e -> errors.add(messageOf(e)));
            nodes.add(node.getValue().path("class_type").asText("node " + node.getKey()) + ": "
                    + String.join("; ", errors));
        }
        if (!nodes.isEmpty()) {
            return "ComfyUI refused the workflow: " + String.join("; ", nodes);
        }
        JsonNode error = root.path("error");
        return "ComfyUI refused the workflow: " + (error.isObject() ? messageOf(error) : error.asText(body.strip()));
    }

    /** {@code message: details}, the way ComfyUI's own log line prints an error. */
    private static String messageOf(JsonNode error) {
        String message = error.path("message").asText("").strip();
        String details = error.path("details").asText("").strip();
        if (details.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? details : message + ": " + details;
    }
}
