package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The calls of ComfyUI's HTTP API this sampler makes (server.py's routes): {@code /system_stats},
 * {@code /object_info/<node>}, {@code /prompt}, {@code /history/<id>}, {@code /view}, {@code /queue},
 * {@code /interrupt}. A server that cannot be reached or answers outside the API is an {@link IOException} naming the
 * address and the call.
 */
final class ComfyClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String base;

    ComfyClient(String base) {
        this.base = base;
        // HTTP/1.1: a plain-http HTTP/2 upgrade offer buys nothing against a local server
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String base() {
        return base;
    }

    /** Succeeds when the address answers as ComfyUI does. */
    void systemStats(Duration timeout) throws IOException, InterruptedException {
        JsonNode root = json("GET /system_stats", send(get("/system_stats", timeout), "GET /system_stats"));
        if (!root.has("system")) {
            throw new IOException(base + " answered GET /system_stats, but not as ComfyUI does (no \"system\")");
        }
    }

    /** The values the server accepts for a list input of a node, e.g. {@code CheckpointLoaderSimple.ckpt_name}. */
    List<String> choices(String nodeClass, String input) throws IOException, InterruptedException {
        String call = "GET /object_info/" + nodeClass;
        JsonNode root = json(call, send(get("/object_info/" + nodeClass, CALL_TIMEOUT), call));
        JsonNode spec = root.path(nodeClass).path("input").path("required").path(input);
        return ComboChoices.of(spec).orElseThrow(() -> new IOException("ComfyUI at " + base + " does not list the "
                + "values of " + nodeClass + "." + input + " (" + call + "); is it a ComfyUI server?"));
    }

    /**
     * Queues a workflow.
     *
     * @return the prompt id
     * @throws RequestFailure when ComfyUI refuses the workflow (HTTP 400), with its node errors
     */
    String queue(ObjectNode workflow, String clientId) throws IOException, InterruptedException, RequestFailure {
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", workflow);
        body.put("client_id", clientId);
        HttpResponse<byte[]> response = http(post("/prompt", body), "POST /prompt");
        if (response.statusCode() == 400) {
            throw new RequestFailure(NodeErrors.describe(text(response)));
        }
        JsonNode root = json("POST /prompt", checked(response, "POST /prompt"));
        String id = root.path("prompt_id").asText("");
        if (id.isEmpty()) {
            throw new IOException("ComfyUI at " + base + " answered POST /prompt without a prompt_id: "
                    + abbreviated(text(response)));
        }
        return id;
    }

    /** The prompt's entry in the history, or empty while it is queued or running. */
    Optional<JsonNode> history(String promptId) throws IOException, InterruptedException {
        String call = "GET /history/" + promptId;
        JsonNode root = json(call, send(get("/history/" + encode(promptId), CALL_TIMEOUT), call));
        JsonNode entry = root.path(promptId);
        return entry.isObject() ? Optional.of(entry) : Optional.empty();
    }

    /** The bytes of an image a node wrote. */
    byte[] view(OutputImage image) throws IOException, InterruptedException {
        String query = "/view?filename=" + encode(image.filename()) + "&subfolder=" + encode(image.subfolder())
                + "&type=" + encode(image.type());
        return checked(http(get(query, CALL_TIMEOUT), "GET " + query), "GET /view of " + image.filename()).body();
    }

    /**
     * Takes the prompt out of the queue, and interrupts it when it is the one running (only then: {@code /interrupt}
     * stops whatever runs, which may be someone else's prompt).
     */
    void cancel(String promptId) throws IOException, InterruptedException {
        ObjectNode delete = JSON.createObjectNode();
        delete.putArray("delete").add(promptId);
        send(post("/queue", delete), "POST /queue");
        JsonNode queue = json("GET /queue", send(get("/queue", CALL_TIMEOUT), "GET /queue"));
        for (JsonNode item : queue.path("queue_running")) {
            // a queue item is [number, prompt_id, prompt, extra_data, outputs_to_execute]
            if (promptId.equals(item.path(1).asText())) {
                ObjectNode interrupt = JSON.createObjectNode();
                interrupt.put("prompt_id", promptId);
                send(post("/interrupt", interrupt), "POST /interrupt");
                return;
            }
        }
    }

    /** What went wrong talking to the server, in words: a refused connection has no message of its own. */
    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private HttpRequest get(String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout).GET().build();
    }

    private HttpRequest post(String path, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String call) throws IOException, InterruptedException {
        return checked(http(request, call), call);
    }

    private HttpResponse<byte[]> http(HttpRequest request, String call) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("ComfyUI at " + base + " (" + call + "): " + describe(e), e);
        }
    }

    private HttpResponse<byte[]> checked(HttpResponse<byte[]> response, String call) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException("ComfyUI at " + base + " answered " + call + " with HTTP " + response.statusCode()
                    + (response.body().length == 0 ? "" : ": " + abbreviated(text(response))));
        }
        return response;
    }

    private JsonNode json(String call, HttpResponse<byte[]> response) throws IOException {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException("ComfyUI at " + base + " answered " + call + " with something that is not JSON: "
                    + abbreviated(text(response)), e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
