package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.lora.KohyaMetadata;
import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.safetensors.PickleFormats;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraInspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String K2 = "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn2_to_k";
    private static final String TE = "lora_te_text_model_encoder_layers_0_self_attn_q_proj";

    @TempDir
    Path tmp;

    private Path lora(Map<String, String> extra) throws Exception {
        Map<String, Integer> tags = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            tags.put("tag" + i, 100 - i);
        }
        KohyaMetadata meta = new KohyaMetadata().sessionId(1).outputName("glass").network(4, 2)
                .learningRates(1e-4, null, 2e-4).seed(7).optimizer("torch.optim.adamw.AdamW")
                .trainingStartedAt(Instant.parse("2026-02-16T09:30:00Z")).tagFrequency(Map.of("10_glass", tags))
                .saved(500, 5, Instant.parse("2026-02-16T10:00:00Z")).zone(ZoneOffset.UTC);
        extra.forEach(meta::put);
        Path file = tmp.resolve("glass.safetensors");
        new LoraFileWriter()
                .module(K2, new float[4 * 768], new long[] {4, 768}, new float[320 * 4], new long[] {320, 4}, 2)
                .module(TE, new float[4 * 768], new long[] {4, 768}, new float[768 * 4], new long[] {768, 4}, 2)
                .write(file, meta.build());
        return file;
    }

    @Test
    void summarisesForAPerson() throws Exception {
        Path file = lora(Map.of());

        CliRun run = CliRun.run(tmp.resolve("home"), "lora", "inspect", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("glass", file.toString())
                .contains("Kind:          LoRA (2 LoRA)")
                .contains("Base model:    SD 1.5").contains("lora_te_")
                .contains("Dim / alpha:   4 (metadata) / 2.0 (metadata)")
                .contains("Modules:       2: U-Net 1 (attention 1, feed-forward 0, proj 0, conv 0), text encoder 1")
                .contains("Name:          glass")
                .contains("top 20 of 25 trained tags").contains("tag0   100").contains("tag19  81")
                .doesNotContain("tag20")
                .contains("learning rate  0.0001").contains("U-Net lr       0.0002")
                .contains("epoch          5").contains("started        2026-02-16T09:30:00Z")
                .doesNotContain("Problem");
    }

    @Test
    void jsonHasTheWholeReportWithStableFields() throws Exception {
        Path file = lora(Map.of("ss_bucket_info", "{broken"));

        CliRun run = CliRun.run(tmp.resolve("home"), "lora", "inspect", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(fieldNames(r)).containsExactly("file", "name", "sizeBytes", "tensorCount", "dtypes",
                "hasMetadata", "kind", "moduleKinds", "modules", "rank", "baseModel", "training", "tags",
                "datasetDirs", "networkArgs", "metadata", "unknownKeys", "notes", "problems");
        assertThat(r.get("file").asText()).isEqualTo(file.toString());
        assertThat(r.get("sizeBytes").asLong()).isEqualTo(Files.size(file));
        assertThat(r.get("dtypes").get("F16").asInt()).isEqualTo(6);
        assertThat(r.get("kind").asText()).isEqualTo("lora");
        assertThat(r.get("moduleKinds").get("lora").asInt()).isEqualTo(2);
        assertThat(r.get("modules").get("unet").get("attention").asInt()).isEqualTo(1);
        assertThat(r.get("modules").get("textEncoder").asInt()).isEqualTo(1);
        assertThat(fieldNames(r.get("rank"))).containsExactly("dim", "dimSource", "alpha", "alphaSource", "ranks",
                "alphas", "minRank", "maxRank", "minAlpha", "maxAlpha");
        assertThat(r.get("rank").get("dim").asInt()).isEqualTo(4);
        assertThat(r.get("rank").get("alpha").asDouble()).isEqualTo(2.0);
        assertThat(r.get("baseModel").get("family").asText()).isEqualTo("sd15");
        assertThat(r.get("baseModel").get("evidence")).isNotEmpty();
        assertThat(r.get("training").get("trainingStartedAt").asText()).isEqualTo("2026-02-16T09:30:00Z");
        assertThat(r.get("training").get("textEncoderLr").isNull()).isTrue();
        assertThat(r.get("tags")).hasSize(25);
        assertThat(r.get("tags").get(0).get("tag").asText()).isEqualTo("tag0");
        assertThat(r.get("tags").get(0).get("count").asLong()).isEqualTo(100);
        assertThat(fieldNames(r.get("metadata"))).containsExactly("ss", "modelspec", "hashes", "other");
        assertThat(r.get("metadata").get("hashes").has("sshs_model_hash")).isTrue();
        assertThat(r.get("problems")).hasSize(1);
        assertThat(r.get("problems").get(0).get("key").asText()).isEqualTo("ss_bucket_info");
        assertThat(r.get("problems").get(0).get("message").asText()).startsWith("ss_bucket_info is not valid JSON");
    }

    @Test
    void badFilesFailWithOneLineNamingTheFile() throws Exception {
        Path home = tmp.resolve("home");
        Path ckpt = Files.writeString(tmp.resolve("lora.ckpt"), "pickle");
        CliRun pickle = CliRun.run(home, "lora", "inspect", ckpt.toString());
        assertThat(pickle.exitCode()).isEqualTo(1);
        assertThat(pickle.errorLine()).isEqualTo("atelier: " + PickleFormats.refusal(ckpt));

        Path missing = tmp.resolve("missing.safetensors");
        CliRun none = CliRun.run(home, "lora", "inspect", missing.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.errorLine()).isEqualTo("atelier: " + missing + ": no such file");

        byte[] bytes = Files.readAllBytes(lora(Map.of()));
        Path truncated = Files.write(tmp.resolve("cut.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));
        CliRun cut = CliRun.run(home, "lora", "inspect", truncated.toString(), "--json");
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.out()).isEmpty();
        assertThat(cut.errorLine()).startsWith("atelier: " + truncated + ": ").contains("truncated");
    }

    @Test
    void noMetadataIsReportedNotRefused() throws Exception {
        Path file = tmp.resolve("bare.safetensors");
        new SafetensorsWriter()
                .add(K2 + ".lora_down.weight", SafetensorsDtype.F16, new long[] {4, 768}, new float[4 * 768])
                .add(K2 + ".lora_up.weight", SafetensorsDtype.F16, new long[] {320, 4}, new float[320 * 4])
                .addScalar(K2 + ".alpha", SafetensorsDtype.F16, 4)
                .write(file);

        CliRun run = CliRun.run(tmp.resolve("home"), "lora", "inspect", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Note:          no metadata").contains("Kind:          LoRA (1 LoRA)")
                .contains("Dim / alpha:   4 (tensors) / 4.0 (tensors)").doesNotContain("Training:");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
