package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import io.atelier.core.lora.KohyaMetadata;
import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.gallery.inspect.LoraInspectorTopComponent;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javax.swing.JTextArea;
import org.openide.windows.TopComponent;

/**
 * The LoRA inspector on a kohya-format file written here (two SD 1.5 modules, sd-scripts' metadata with tag
 * frequencies): the summary names the kind, the base model and the tags; screenshot
 * {@code target/atelier-inspector.png}.
 */
final class LoraInspectorCheck {

    private LoraInspectorCheck() {
    }

    static void run(Path folder) throws Exception {
        Path file = folder.resolve("glassStyle-000004.safetensors");
        Map<String, String> metadata = new KohyaMetadata()
                .outputName("glassStyle")
                .network(8, 4)
                .baseModel("v1-5-pruned-emaonly.safetensors", "ab".repeat(32))
                .tagFrequency(Map.of("10_glass", Map.of("glass shards", 12, "prism", 7, "1girl", 3)))
                .build();
        new LoraFileWriter(SafetensorsDtype.F16)
                .module("lora_unet_mid_block_attentions_0_proj_in", new float[8 * 1280], new long[]{8, 1280, 1, 1},
                        new float[1280 * 8], new long[]{1280, 8, 1, 1}, 4)
                .module("lora_te_text_model_encoder_layers_0_self_attn_q_proj", new float[8 * 768],
                        new long[]{8, 768}, new float[768 * 8], new long[]{768, 8}, 4)
                .write(file, metadata);
        LoraInspectorTopComponent tc = onEdt(() -> LoraInspectorTopComponent.open(file));
        waitFor("the inspector's summary", () -> {
            JTextArea summary = GuiSmokeTest.named(tc, JTextArea.class, "loraSummary");
            return summary != null && summary.getText().contains("Kind:");
        });
        String text = onEdt(() -> GuiSmokeTest.named(tc, JTextArea.class, "loraSummary").getText());
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("glass shards") && text.contains("SD 1.5"), text);
        Thread.sleep(300);
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-inspector.png"));
        onEdt(() -> {
            tc.close();
            return null;
        });
        waitFor("the inspector closed", () -> !TopComponent.getRegistry().getOpened().contains(tc));
    }
}
