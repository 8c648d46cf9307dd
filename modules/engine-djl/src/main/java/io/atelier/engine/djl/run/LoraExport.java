package io.atelier.engine.djl.run;

import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.lora.Sd15LoraNames;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.engine.djl.lora.LoraModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the network as a kohya LoRA file: kohya names from the LDM module paths, the save precision, metadata. */
final class LoraExport {

    private LoraExport() {
    }

    static void write(Path target, List<LoraModule> modules, SafetensorsDtype precision, Map<String, String> metadata)
            throws IOException {
        LoraFileWriter writer = new LoraFileWriter(precision);
        for (LoraModule m : modules) {
            String name = Sd15LoraNames.kohyaName(m.modulePath()).orElseThrow(() -> new IllegalStateException(
                    "no kohya name for the LoRA module on " + m.modulePath()));
            writer.module(name, m.down().toFloatArray(), m.down().getShape().getShape(), m.up().toFloatArray(),
                    m.up().getShape().getShape(), m.alpha());
        }
        writer.write(target, metadata);
    }

    /** sd-scripts' names (§10.1): {@code <name>-000001.safetensors} for an epoch, {@code <name>.safetensors} last. */
    static String fileName(String outputName, int epoch, boolean last) {
        return last ? outputName + ".safetensors" : String.format("%s-%06d.safetensors", outputName, epoch);
    }
}
