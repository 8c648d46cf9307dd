package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A stand-in for a ComfyUI server, answering the routes of its server.py the way they are documented and implemented:
 * {@code /system_stats}, {@code /object_info/<node>}, {@code POST /prompt} (validating the workflow's node classes,
 * required inputs, links and their types and list values like execution.py's {@code validate_prompt}, with its HTTP
 * 400 body), {@code /history/<id>} (empty while the prompt runs, then outputs and status), {@code /view},
 * {@code /queue} and {@code /interrupt}. LoRA names are listed from the real loras folder, as ComfyUI scans it.
 */
final class FakeComfyUi implements AutoCloseable {

    enum Finish { SUCCESS, ERROR, NEVER }

    static final List<String> SAMPLERS = List.of("euler", "euler_cfg_pp", "euler_ancestral", "heun", "dpm_2",
            "dpm_2_ancestral", "lms", "dpm_fast", "dpmpp_2s_ancestral", "dpmpp_sde", "dpmpp_2m", "dpmpp_2m_sde",
            "ddpm", "lcm", "ddim", "uni_pc");
    static final List<String> SCHEDULERS = List.of("normal", "karras", "exponential", "sgm_uniform", "simple",
            "ddim_uniform");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node class of nodes.py: its required inputs with their types, and its outputs. */
    private record NodeClass(Map<String, String> inputs, List<String> outputs, boolean outputNode) {
    }

    private static final Map<String, NodeClass> NODES = Map.of(
            "CheckpointLoaderSimple", new NodeClass(inputs("ckpt_name", "CHECKPOINTS"),
                    List.of("MODEL", "CLIP", "VAE"), false),
            "LoraLoader", new NodeClass(inputs("model", "MODEL", "clip", "CLIP", "lora_name", "LORAS",
                    "strength_model", "FLOAT", "strength_clip", "FLOAT"), List.of("MODEL", "CLIP"), false),
            "CLIPSetLastLayer", new NodeClass(inputs("clip", "CLIP", "stop_at_clip_layer", "INT:-24:-1"),
                    List.of("CLIP"), false),
            "CLIPTextEncode", new NodeClass(inputs("text", "STRING", "clip", "CLIP"), List.of("CONDITIONING"), false),
            "EmptyLatentImage", new NodeClass(inputs("width", "INT:16:16384", "height", "INT:16:16384", "batch_size",
                    "INT:1:4096"), List.of("LATENT"), false),
            "KSampler", new NodeClass(inputs("model", "MODEL", "seed", "INT:0:" + Long.MAX_VALUE, "steps",
                    "INT:1:10000", "cfg", "FLOAT", "sampler_name", "SAMPLERS", "scheduler", "SCHEDULERS", "positive",
                    "CONDITIONING", "negative", "CONDITIONING", "latent_image", "LATENT", "denoise", "FLOAT"),
                    List.of("LATENT"), false),
            "VAEDecode", new NodeClass(inputs("samples", "LATENT", "vae", "VAE"), List.of("IMAGE"), false),
            "SaveImage", new NodeClass(inputs("images", "IMAGE", "filename_prefix", "STRING"), List.of(), true));

    private final HttpServer server;
    private final List<String> checkpoints;
    private final Path loras;

    volatile Finish finish = Finish.SUCCESS;
    /** History polls that find a prompt still running before it is done. */
    volatile int pendingPolls = 2;

    final List<ObjectNode> workflows = new CopyOnWriteArrayList<>();
    final List<String> clientIds = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    final List<String> interrupted = new CopyOnWriteArrayList<>();
    final Map<String, Integer> historyPolls = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> prompts = new ConcurrentHashMap<>();
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private int counter;

    /** @param loras the folder whose files LoraLoader lists, or null for none */
    FakeComfyUi(List<String> checkpoints, Path loras) throws IOException {
        this.checkpoints = List.copyOf(checkpoints);
        this.loras = loras;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> promptIds() {
        return List.copyOf(prompts.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (method.equals("GET") && path.equals("/system_stats")) {
                json(x, 200, JSON.readTree("{\"system\": {\"os\": \"posix\", \"comfyui_version\": \"0.3.40\"}, "
                        + "\"devices\": [{\"name\": \"cuda:0 Stand-in GPU\", \"type\": \"cuda\"}]}"));
            } else if (method.equals("GET") && path.startsWith("/object_info/")) {
                json(x, 200, objectInfo(path.substring("/object_info/".length())));
            } else if (method.equals("POST") && path.equals("/prompt")) {
                postPrompt(x);
            } else if (method.equals("GET") && path.startsWith("/history/")) {
                json(x, 200, history(path.substring("/history/".length())));
            } else if (method.equals("GET") && path.equals("/view")) {
                view(x);
            } else if (method.equals("GET") && path.equals("/queue")) {
                json(x, 200, queue());
            } else if (method.equals("POST") && path.equals("/queue")) {
                JSON.readTree(x.getRequestBody()).path("delete").forEach(id -> deleted.add(id.asText()));
                x.sendResponseHeaders(200, -1);
            } else if (method.equals("POST") && path.equals("/interrupt")) {
                byte[] body = x.getRequestBody().readAllBytes();
                interrupted.add(body.length == 0 ? "" : JSON.readTree(body).path("prompt_id").asText(""));
                x.sendResponseHeaders(200, -1);
            } else {
                x.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException e) {
            // a bug in the stand-in must show in the test, not as a hung connection
            e.printStackTrace();
            throw e;
        }
    }

    private JsonNode objectInfo(String nodeClass) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        NodeClass node = NODES.get(nodeClass);
        if (node == null) {
            return out;
        }
        ObjectNode info = out.putObject(nodeClass);
        ObjectNode required = info.putObject("input").putObject("required");
        node.inputs().forEach((name, type) -> {
            ArrayNode spec = required.putArray(name);
            switch (type) {
                // nodes.py's list form for checkpoints; the explicit COMBO form for LoRAs, so both are read
                case "CHECKPOINTS" -> {
                    ArrayNode values = spec.addArray();
                    checkpoints.forEach(values::add);
                    spec.addObject().put("tooltip", "The name of the checkpoint (model) to load.");
                }
                case "LORAS" -> {
                    spec.add("COMBO");
                    ArrayNode values = spec.addObject().putArray("options");
                    loraNames().forEach(values::add);
                }
                default -> spec.add(type.split(":")[0]);
            }
        });
        ArrayNode output = info.putArray("output");
        node.outputs().forEach(output::add);
        info.put("name", nodeClass);
        info.put("output_node", node.outputNode());
        return out;
    }

    private List<String> loraNames() {
        if (loras == null || !Files.isDirectory(loras)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(loras)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".safetensors"))
                    .map(f -> loras.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void postPrompt(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody());
        if (!body.path("prompt").isObject()) {
            json(x, 400, JSON.readTree("{\"error\": {\"type\": \"no_prompt\", \"message\": \"No prompt provided\", "
                    + "\"details\": \"No prompt provided\", \"extra_info\": {}}, \"node_errors\": {}}"));
            return;
        }
        ObjectNode prompt = (ObjectNode) body.path("prompt");
        for (Iterator<Map.Entry<String, JsonNode>> it = prompt.fields(); it.hasNext(); ) {
            String type = it.next().getValue().path("class_type").asText();
            if (!NODES.containsKey(type)) {
                ObjectNode error = JSON.createObjectNode();
                ObjectNode e = error.putObject("error");
                e.put("type", "invalid_prompt");
                e.put("message", "Cannot execute because node " + type + " does not exist.");
                e.put("details", "Node ID '#?'");
                error.putObject("node_errors");
                json(x, 400, error);
                return;
            }
        }
        ObjectNode nodeErrors = JSON.createObjectNode();
        prompt.fields().forEachRemaining(n -> {
            List<ObjectNode> errors = validate(prompt, n.getValue());
            if (!errors.isEmpty()) {
                ObjectNode ne = nodeErrors.putObject(n.getKey());
                ne.putArray("errors").addAll(errors);
                ne.putArray("dependent_outputs").add("9");
                ne.put("class_type", n.getValue().path("class_type").asText());
            }
        });
        boolean hasOutput = false;
        for (JsonNode n : prompt) {
            hasOutput |= NODES.get(n.path("class_type").asText()).outputNode();
        }
        if (!hasOutput) {
            json(x, 400, JSON.readTree("{\"error\": {\"type\": \"prompt_no_outputs\", \"message\": \"Prompt has no "
                    + "outputs\", \"details\": \"\", \"extra_info\": {}}, \"node_errors\": []}"));
            return;
        }
        if (!nodeErrors.isEmpty()) {
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode e = answer.putObject("error");
            e.put("type", "prompt_outputs_failed_validation");
            e.put("message", "Prompt outputs failed validation");
            e.put("details", "");
            e.putObject("extra_info");
            answer.set("node_errors", nodeErrors);
            json(x, 400, answer);
            return;
        }
        String id = UUID.randomUUID().toString();
        workflows.add(prompt);
        clientIds.add(body.path("client_id").asText());
        prompts.put(id, prompt);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("prompt_id", id);
        answer.put("number", prompts.size());
        answer.putObject("node_errors");
        json(x, 200, answer);
    }

    /** The errors of one node as execution.py's {@code validate_inputs} reports them. */
    private List<ObjectNode> validate(ObjectNode prompt, JsonNode node) {
        List<ObjectNode> errors = new ArrayList<>();
        NodeClass type = NODES.get(node.path("class_type").asText());
        JsonNode inputs = node.path("inputs");
        type.inputs().forEach((name, spec) -> {
            JsonNode value = inputs.get(name);
            if (value == null) {
                errors.add(error("required_input_missing", "Required input is missing", name));
                return;
            }
            String kind = spec.split(":")[0];
            if (value.isArray()) {
                JsonNode from = prompt.get(value.path(0).asText());
                if (value.size() != 2 || from == null) {
                    errors.add(error("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, "
                            + "slot_index]", name));
                    return;
                }
                List<String> outputs = NODES.get(from.path("class_type").asText()).outputs();
                int slot = value.path(1).asInt(-1);
                String received = slot >= 0 && slot < outputs.size() ? outputs.get(slot) : "nothing";
                if (!received.equals(kind)) {
                    errors.add(error("return_type_mismatch", "Return type mismatch between linked nodes",
                            name + ", received_type(" + received + ") mismatch input_type(" + kind + ")"));
                }
                return;
            }
            switch (kind) {
                case "CHECKPOINTS" -> inList(errors, name, value, checkpoints);
                case "LORAS" -> inList(errors, name, value, loraNames());
                case "SAMPLERS" -> inList(errors, name, value, SAMPLERS);
                case "SCHEDULERS" -> inList(errors, name, value, SCHEDULERS);
                case "INT" -> {
                    String[] range = spec.split(":");
                    if (!value.isIntegralNumber()) {
                        errors.add(error("invalid_input_type", "Failed to convert an input value to a INT value",
                                name + ", " + value));
                    } else if (value.asLong() < Long.parseLong(range[1])) {
                        errors.add(error("value_smaller_than_min", "Value " + value.asLong() + " smaller than min of "
                                + range[1], name));
                    } else if (value.asLong() > Long.parseLong(range[2])) {
                        errors.add(error("value_bigger_than_max", "Value " + value.asLong() + " bigger than max of "
                                + range[2], name));
                    }
                }
                case "FLOAT" -> {
                    if (!value.isNumber()) {
                        errors.add(error("invalid_input_type", "Failed to convert an input value to a FLOAT value",
                                name + ", " + value));
                    }
                }
                case "STRING" -> {
                    if (!value.isTextual()) {
                        errors.add(error("invalid_input_type", "Failed to convert an input value to a STRING value",
                                name + ", " + value));
                    }
                }
                default -> errors.add(error("required_input_missing", "Required input is missing", name
                        + " (a " + kind + " link is needed)"));
            }
        });
        return errors;
    }

    private static void inList(List<ObjectNode> errors, String name, JsonNode value, List<String> allowed) {
        if (!allowed.contains(value.asText())) {
            errors.add(error("value_not_in_list", "Value not in list", name + ": '" + value.asText() + "' not in "
                    + allowed));
        }
    }

    private static ObjectNode error(String type, String message, String details) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", type);
        e.put("message", message);
        e.put("details", details);
        e.putObject("extra_info");
        return e;
    }

    private synchronized JsonNode history(String id) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode prompt = prompts.get(id);
        if (prompt == null || interrupted.contains(id)) {
            return out;
        }
        int polls = historyPolls.merge(id, 1, Integer::sum);
        if (finish == Finish.NEVER || polls <= pendingPolls) {
            return out;
        }
        ObjectNode entry = out.putObject(id);
        entry.putArray("prompt").add(1).add(id).add(prompt).addObject();
        ObjectNode status = entry.putObject("status");
        ArrayNode messages = JSON.createArrayNode();
        messages.addArray().add("execution_start").addObject().put("prompt_id", id);
        if (finish == Finish.ERROR) {
            entry.putObject("outputs");
            ObjectNode data = messages.addArray().add("execution_error").addObject();
            data.put("prompt_id", id);
            data.put("node_id", "7");
            data.put("node_type", "KSampler");
            data.put("exception_message", "CUDA out of memory. Tried to allocate 2.00 GiB\n");
            data.put("exception_type", "torch.OutOfMemoryError");
            data.putArray("traceback");
            status.put("status_str", "error");
            status.put("completed", false);
        } else {
            String file = String.format("atelier_%05d_.png", ++counter);
            JsonNode latent = prompt.path("6").path("inputs");
            images.put(file, png(latent.path("width").asInt(64), latent.path("height").asInt(64)));
            ObjectNode image = entry.putObject("outputs").putObject("9").putArray("images").addObject();
            image.put("filename", file);
            image.put("subfolder", "");
            image.put("type", "output");
            messages.addArray().add("execution_success").addObject().put("prompt_id", id);
            status.put("status_str", "success");
            status.put("completed", true);
        }
        status.set("messages", messages);
        return out;
    }

    private void view(HttpExchange x) throws IOException {
        Map<String, String> query = query(x.getRequestURI().getRawQuery());
        byte[] png = images.get(query.getOrDefault("filename", ""));
        if (png == null || !"output".equals(query.get("type")) || !"".equals(query.get("subfolder"))) {
            x.sendResponseHeaders(404, -1);
            return;
        }
        x.getResponseHeaders().set("Content-Type", "image/png");
        x.sendResponseHeaders(200, png.length);
        x.getResponseBody().write(png);
    }

    private synchronized JsonNode queue() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode running = out.putArray("queue_running");
        out.putArray("queue_pending");
        prompts.forEach((id, prompt) -> {
            boolean done = finish != Finish.NEVER && historyPolls.getOrDefault(id, 0) > pendingPolls;
            // POST /queue deletes only pending prompts (PromptQueue.delete_queue_item); here every prompt runs at once
            if (!done && !interrupted.contains(id)) {
                ArrayNode item = running.addArray().add(1).add(id).add(prompt);
                item.addObject();
                item.addArray().add("9");
            }
        });
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void json(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static Map<String, String> inputs(String... nameType) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            out.put(nameType[i], nameType[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
