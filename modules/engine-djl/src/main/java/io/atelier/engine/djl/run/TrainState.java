package io.atelier.engine.djl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.run.EngineException;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsFile;
import io.atelier.core.safetensors.SafetensorsWriter;
import io.atelier.engine.djl.lora.LoraModule;
import io.atelier.engine.djl.training.AdamW;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a resume needs, saved after each checkpoint in {@code <runDir>/out/state/}: the LoRA weights and AdamW's moments
 * (F32, {@code state-<epoch>.safetensors}), and {@code train_state.json} naming that file with the epoch, the global
 * step, the optimiser's step count, the loss window and the run's session id. The JSON is written last and atomically,
 * so it always names a complete tensor file; older tensor files are deleted after it.
 *
 * @param epoch         the last finished epoch
 * @param step          the global optimiser step reached
 * @param lossWindow    the {@link LossRecorder} values
 * @param sessionId     {@code ss_session_id} of the run, kept across resumes
 * @param startedAtMs   when the run first started
 */
record TrainState(int epoch, long step, long optimizerSteps, List<Double> lossWindow, long sessionId,
        long startedAtMs, Map<String, float[]> tensors) {

    static final String JSON = "train_state.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path folder(Path runDir) {
        return runDir.resolve("out").resolve("state");
    }

    static void save(Path runDir, int epoch, long step, AdamW optimizer, List<LoraModule> modules,
            List<Double> lossWindow, long sessionId, long startedAtMs) throws IOException {
        Path folder = folder(runDir);
        Files.createDirectories(folder);
        SafetensorsWriter tensors = new SafetensorsWriter();
        for (LoraModule m : modules) {
            add(tensors, "lora." + m.down().getName(), m.down().toFloatArray(), m.down().getShape().getShape());
            add(tensors, "lora." + m.up().getName(), m.up().toFloatArray(), m.up().getShape().getShape());
        }
        for (Map.Entry<String, float[][]> e : optimizer.exportMoments().entrySet()) {
            add(tensors, "adam_m." + e.getKey(), e.getValue()[0], new long[]{e.getValue()[0].length});
            add(tensors, "adam_v." + e.getKey(), e.getValue()[1], new long[]{e.getValue()[1].length});
        }
        String weights = String.format("state-%06d.safetensors", epoch);
        tensors.write(folder.resolve(weights));
        ObjectNode json = MAPPER.createObjectNode();
        json.put("epoch", epoch);
        json.put("step", step);
        json.put("optimizer_steps", optimizer.steps());
        json.put("weights", weights);
        json.put("session_id", sessionId);
        json.put("started_at_ms", startedAtMs);
        var window = json.putArray("loss_window");
        lossWindow.forEach(window::add);
        AtomicFiles.write(folder.resolve(JSON), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, "state-*.safetensors")) {
            for (Path p : old) {
                if (!p.getFileName().toString().equals(weights)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void add(SafetensorsWriter w, String name, float[] values, long[] shape) {
        w.add(name, SafetensorsDtype.F32, shape, values);
    }

    /** @throws EngineException when there is no saved state or it cannot be read */
    static TrainState load(Path runDir) throws EngineException {
        Path folder = folder(runDir);
        Path jsonFile = folder.resolve(JSON);
        if (!Files.isRegularFile(jsonFile)) {
            throw new EngineException("Cannot resume: no saved training state in " + folder
                    + " (a state is saved with every checkpoint; this run saved none).");
        }
        try {
            JsonNode json = MAPPER.readTree(jsonFile.toFile());
            List<Double> window = new ArrayList<>();
            json.path("loss_window").forEach(n -> window.add(n.doubleValue()));
            Map<String, float[]> tensors = new LinkedHashMap<>();
            try (SafetensorsFile file = SafetensorsFile.open(folder.resolve(json.path("weights").asText()))) {
                for (var t : file.tensors()) {
                    tensors.put(t.name(), file.readFloats(t.name()));
                }
            }
            return new TrainState(json.path("epoch").asInt(), json.path("step").asLong(),
                    json.path("optimizer_steps").asLong(), window, json.path("session_id").asLong(),
                    json.path("started_at_ms").asLong(), tensors);
        } catch (IOException | RuntimeException e) {
            throw new EngineException("Cannot resume: the saved training state in " + folder + " is unreadable: "
                    + e.getMessage(), e);
        }
    }

    /** The saved LoRA weights by weight name. */
    Map<String, float[]> weights() {
        return prefixed("lora.");
    }

    /** The saved moments by weight name, {@code [m, v]}. */
    Map<String, float[][]> moments() {
        Map<String, float[]> m = prefixed("adam_m.");
        Map<String, float[]> v = prefixed("adam_v.");
        Map<String, float[][]> out = new LinkedHashMap<>();
        m.forEach((name, values) -> out.put(name, new float[][]{values, v.get(name)}));
        return out;
    }

    private Map<String, float[]> prefixed(String prefix) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
