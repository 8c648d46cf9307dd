package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A tiny SDXL-layout checkpoint: an 8-byte header length, the JSON header, then the tensor bytes. */
    private Path sdxlCheckpoint(String name, String tensorClaim) throws Exception {
        String header = "{\"conditioner.embedders.0.transformer.text_model.final_layer_norm.weight\":"
                + "{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"conditioner.embedders.1.model.text_projection\":" + tensorClaim + ","
                + "\"model.diffusion_model.input_blocks.0.0.weight\":"
                + "{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[12,16]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path file = tmp.resolve(name);
        Files.write(file, b.array());
        return file;
    }

    private Path goodCheckpoint() throws Exception {
        return sdxlCheckpoint("ponyDiffusionV6XL.safetensors", "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}");
    }

    @Test
    void addsDetectsFamilyAndHashes() throws Exception {
        Path file = goodCheckpoint();
        CliRun add = CliRun.run(tmp.resolve("home"), "basemodel", "add", file.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(add.out()).contains("Pony").contains(sha.substring(0, 10).toUpperCase());

        JsonNode list = JSON.readTree(CliRun.run(tmp.resolve("home"), "basemodel", "list", "--json").out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("family").asText()).isEqualTo("pony");
        assertThat(list.get(0).get("sha256").asText()).isEqualTo(sha);
        assertThat(list.get(0).get("autoV2").asText()).isEqualTo(sha.substring(0, 10).toUpperCase());
        assertThat(list.get(0).get("sizeBytes").asLong()).isEqualTo(Files.size(file));

        CliRun again = CliRun.run(tmp.resolve("home"), "basemodel", "add", file.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errorLine()).contains("already registered");
    }

    @Test
    void badFilesAreRefusedWithTheFileNamed() throws Exception {
        Path home = tmp.resolve("home");
        Path ckpt = Files.writeString(tmp.resolve("model.ckpt"), "not really a pickle");
        Path empty = Files.createFile(tmp.resolve("empty.safetensors"));
        Path huge = sdxlCheckpoint("huge.safetensors",
                "{\"dtype\":\"F32\",\"shape\":[25000000000],\"data_offsets\":[4,100000000004]}");
        Path truncated = goodCheckpoint();
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 6));
        Path beyond = tmp.resolve("beyond.safetensors");
        Files.write(beyond, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1_000_000).array());

        assertRefused(home, ckpt, "pickle");
        assertRefused(home, empty, "empty");
        assertRefused(home, huge, "100.0 GB");
        assertRefused(home, truncated, "truncated");
        assertRefused(home, beyond, "beyond the end of the file");
        assertThat(JSON.readTree(CliRun.run(home, "basemodel", "list", "--json").out())).isEmpty();
        assertThat(Files.readString(ckpt)).isEqualTo("not really a pickle");
    }

    private static void assertRefused(Path home, Path file, String problem) {
        CliRun run = CliRun.run(home, "basemodel", "add", file.toString());
        assertThat(run.exitCode()).as(file.toString()).isEqualTo(1);
        assertThat(run.errorLine()).startsWith("atelier: ").contains(file.getFileName().toString())
                .containsIgnoringCase(problem);
    }
}
