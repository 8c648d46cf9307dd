package io.atelier.core.lora;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsFile;
import io.atelier.core.safetensors.SafetensorsTensor;
import io.atelier.core.safetensors.SafetensorsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraFileWriterTest {

    private static final String Q = "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q";
    private static final String FC1 = "lora_te_text_model_encoder_layers_0_mlp_fc1";

    @TempDir
    Path dir;

    @Test
    void savesKohyaKeysInFp16WithScalarAlphasMetadataAndHashes() throws Exception {
        Map<String, String> metadata = new KohyaMetadata().sessionId(1).outputName("mychar").network(4, 2)
                .saved(10, 1, Instant.ofEpochSecond(1_700_000_000)).zone(ZoneOffset.UTC).build();
        Path file = dir.resolve("mychar.safetensors");

        LoraHashes hashes = twoModules(new LoraFileWriter()).write(file, metadata);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors()).extracting(SafetensorsTensor::name).containsExactly(
                    FC1 + ".alpha", FC1 + ".lora_down.weight", FC1 + ".lora_up.weight",
                    Q + ".alpha", Q + ".lora_down.weight", Q + ".lora_up.weight");
            assertThat(st.tensors()).extracting(SafetensorsTensor::dtype).containsOnly(SafetensorsDtype.F16);
            assertThat(st.tensor(Q + ".alpha").shape()).isEmpty();
            assertThat(st.readFloats(Q + ".alpha")).containsExactly(2f);
            assertThat(st.tensor(Q + ".lora_down.weight").shape()).containsExactly(2, 3);
            assertThat(st.readFloats(Q + ".lora_up.weight")).containsExactly(0.5f, -1f, 0.25f, 2f);
            assertThat(st.metadata()).containsAllEntriesOf(metadata)
                    .containsEntry("sshs_model_hash", hashes.modelHash())
                    .containsEntry("sshs_legacy_hash", hashes.legacyHash());

            // the model hash covers only tensor data, which metadata does not change: the saved file's data region
            byte[] bytes = Files.readAllBytes(file);
            int dataStart = 8 + (int) st.header().headerLength();
            assertThat(hashes.modelHash()).isEqualTo(sha256(Arrays.copyOfRange(bytes, dataStart, bytes.length)));
        }
        // a serialisation shorter than 1 MiB has nothing in the legacy window: SHA-256 of no bytes
        assertThat(hashes.legacyHash()).isEqualTo("e3b0c442");
    }

    @Test
    void legacyHashIsTakenOverTheSerialisationWithOnlyTheSsMetadata() throws Exception {
        float[] big = new float[800_000]; // 1.6 MB of F16: the window 0x100000..0x10FFFF lies in the data
        for (int i = 0; i < big.length; i++) {
            big[i] = (i % 1000) / 1000f;
        }
        LoraFileWriter lora = new LoraFileWriter()
                .module(Q, big, new long[] {8, 100_000}, new float[8 * 320], new long[] {320, 8}, 8);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("ss_network_dim", "8");
        metadata.put("modelspec.title", "a long title that shifts the saved file's header but not the hash");
        Path file = dir.resolve("big.safetensors");

        LoraHashes hashes = lora.write(file, metadata);

        // by hand: the same tensors, ss_* metadata only, written plainly, window hashed
        ByteArrayOutputStream ssOnly = new ByteArrayOutputStream();
        new SafetensorsWriter().metadata(Map.of("ss_network_dim", "8"))
                .add(Q + ".alpha", SafetensorsDtype.F16, new long[0], new float[] {8})
                .add(Q + ".lora_down.weight", SafetensorsDtype.F16, new long[] {8, 100_000}, big)
                .add(Q + ".lora_up.weight", SafetensorsDtype.F16, new long[] {320, 8}, new float[8 * 320])
                .writeTo(ssOnly);
        byte[] bytes = ssOnly.toByteArray();
        assertThat(hashes.legacyHash()).isEqualTo(sha256(Arrays.copyOfRange(bytes, 0x100000, 0x110000))
                .substring(0, 8));
        // the saved file has a longer header, so A1111's hash of the file itself differs
        assertThat(LoraHashes.legacyHashOfFile(file)).isNotEqualTo(hashes.legacyHash());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.metadata()).containsEntry("sshs_legacy_hash", hashes.legacyHash());
        }
    }

    @Test
    void savesBf16AndF32WhenAsked() throws Exception {
        Path file = dir.resolve("bf.safetensors");
        twoModules(new LoraFileWriter(SafetensorsDtype.BF16)).write(file, Map.of());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors()).extracting(SafetensorsTensor::dtype).containsOnly(SafetensorsDtype.BF16);
            assertThat(st.readFloats(FC1 + ".lora_down.weight")).containsExactly(1f, 2f, 3f, 4f);
        }
    }

    private static LoraFileWriter twoModules(LoraFileWriter writer) {
        return writer
                .module(Q, new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, new float[] {0.5f, -1, 0.25f, 2},
                        new long[] {2, 2}, 2)
                .module(FC1, new float[] {1, 2, 3, 4}, new long[] {1, 4, 1, 1}, new float[] {1, 1},
                        new long[] {2, 1, 1, 1}, 1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
