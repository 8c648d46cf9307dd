package io.atelier.core.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes real, tiny safetensors files the way the reference writer does (header JSON padded with spaces to a
 * multiple of 8, tensors packed in header order), with the key names of real checkpoint layouts.
 */
public final class SafetensorsFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> BYTES = Map.of("F16", 2, "BF16", 2, "F32", 4, "I64", 8, "U8", 1);

    private final Map<String, Object[]> tensors = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    public static SafetensorsFixture create() {
        return new SafetensorsFixture();
    }

    /** An SD 1.5 single-file checkpoint: LDM U-Net, CLIP ViT-L text encoder, VAE. */
    public static SafetensorsFixture sd15() {
        return create()
                .tensor("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight", "F16", 4, 3)
                .tensor("cond_stage_model.transformer.text_model.encoder.layers.0.mlp.fc1.weight", "F16", 2, 3)
                .tensor("first_stage_model.decoder.conv_in.weight", "F16", 2, 1, 1, 1)
                .tensor("model.diffusion_model.input_blocks.0.0.weight", "F16", 2, 2, 1, 1)
                .tensor("model.diffusion_model.input_blocks.1.1.proj_in.weight", "F16", 2, 2)
                .tensor("model.diffusion_model.out.2.bias", "F32", 4);
    }

    /** An SDXL base single-file checkpoint: CLIP ViT-L as embedder 0, OpenCLIP ViT-bigG as embedder 1. */
    public static SafetensorsFixture sdxl() {
        return create()
                .tensor("conditioner.embedders.0.transformer.text_model.encoder.layers.0.self_attn.q_proj.weight",
                        "F16", 2, 2)
                .tensor("conditioner.embedders.1.model.transformer.resblocks.0.attn.in_proj_weight", "F16", 6, 2)
                .tensor("conditioner.embedders.1.model.text_projection", "F16", 2, 2)
                .tensor("first_stage_model.encoder.conv_in.weight", "F32", 2, 1, 1, 1)
                .tensor("model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight", "F16", 2, 4)
                .tensor("model.diffusion_model.label_emb.0.0.weight", "F16", 4, 2);
    }

    /** An SD 2.x checkpoint: OpenCLIP ViT-H under cond_stage_model.model. */
    public static SafetensorsFixture sd2() {
        return create()
                .tensor("cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight", "F16", 6, 2)
                .tensor("cond_stage_model.model.positional_embedding", "F16", 4, 2)
                .tensor("model.diffusion_model.input_blocks.0.0.weight", "F16", 2, 2, 1, 1);
    }

    /** A kohya SDXL LoRA as sd-scripts saves it. */
    public static SafetensorsFixture kohyaLora() {
        return create()
                .tensor("lora_te1_text_model_encoder_layers_0_self_attn_q_proj.alpha", "F16")
                .tensor("lora_te1_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", "F16", 4, 8)
                .tensor("lora_te1_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", "F16", 8, 4)
                .tensor("lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k.lora_down.weight", "F16", 4, 8)
                .metadata("ss_network_module", "networks.lora")
                .metadata("ss_network_dim", "4")
                .metadata("modelspec.architecture", "stable-diffusion-xl-v1-base/lora");
    }

    public SafetensorsFixture tensor(String name, String dtype, long... shape) {
        tensors.put(name, new Object[] {dtype, shape});
        return this;
    }

    public SafetensorsFixture metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Writes the file with tensors packed back to back and filled with a recognisable byte pattern. */
    public Path write(Path file) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Object[]> e : tensors.entrySet()) {
            String dtype = (String) e.getValue()[0];
            long[] shape = (long[]) e.getValue()[1];
            long bytes = Arrays.stream(shape).reduce(1, Math::multiplyExact) * BYTES.get(dtype);
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", dtype);
            Arrays.stream(shape).forEach(t.putArray("shape")::add);
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] data = new byte[(int) offset];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return writeRaw(file, header.toString(), data);
    }

    /** A file made of the JSON padded like the reference writer does, its length, and the given data. */
    public static Path writeRaw(Path file, String json, byte[] data) {
        byte[] header = padded(json.getBytes(StandardCharsets.UTF_8));
        return writeRaw(file, header.length, header, data);
    }

    /** A file whose length field says {@code headerLength}, whatever the header bytes that follow really are. */
    public static Path writeRaw(Path file, long headerLength, byte[] header, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(headerLength).put(header).put(data);
        try {
            Files.write(file, buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Spaces up to a multiple of 8, so the tensor data that follows the 8-byte length is 8-aligned. */
    public static byte[] padded(byte[] json) {
        int padding = (8 - json.length % 8) % 8;
        byte[] out = Arrays.copyOf(json, json.length + padding);
        Arrays.fill(out, json.length, out.length, (byte) ' ');
        return out;
    }
}
