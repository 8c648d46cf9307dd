package io.atelier.core.lora;

import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Saves a LoRA as sd-scripts does: per module {@code <name>.lora_down.weight}, {@code <name>.lora_up.weight} and a
 * 0-dimensional {@code <name>.alpha}, all in the save precision (F16 unless set otherwise), the given metadata plus
 * the {@code sshs_*} hashes computed from it, written atomically.
 */
public final class LoraFileWriter {

    private final SafetensorsDtype precision;
    private final Map<String, Boolean> modules = new LinkedHashMap<>();
    private final SafetensorsWriter tensors = new SafetensorsWriter();

    /** fp16, sd-scripts' {@code save_precision = "fp16"}. */
    public LoraFileWriter() {
        this(SafetensorsDtype.F16);
    }

    /** {@code precision}: F16, BF16 or F32. */
    public LoraFileWriter(SafetensorsDtype precision) {
        if (precision != SafetensorsDtype.F16 && precision != SafetensorsDtype.BF16
                && precision != SafetensorsDtype.F32) {
            throw new IllegalArgumentException("a LoRA is saved as F16, BF16 or F32, not " + precision);
        }
        this.precision = precision;
    }

    /**
     * Adds one module: {@code down} of shape {@code downShape} ({@code [rank, in]} or {@code [rank, in, 1, 1]}),
     * {@code up} of shape {@code upShape} ({@code [out, rank]} or {@code [out, rank, 1, 1]}), row-major, and alpha.
     */
    public LoraFileWriter module(String kohyaName, float[] down, long[] downShape, float[] up, long[] upShape,
            float alpha) {
        Objects.requireNonNull(kohyaName, "kohyaName");
        if (downShape.length < 2 || upShape.length != downShape.length || downShape[0] != upShape[1]) {
            throw new IllegalArgumentException("module '" + kohyaName + "': down " + Arrays.toString(downShape)
                    + " and up " + Arrays.toString(upShape) + " do not share a rank ([rank, in…] and "
                    + "[out, rank…])");
        }
        if (modules.putIfAbsent(kohyaName, Boolean.TRUE) != null) {
            throw new IllegalArgumentException("module '" + kohyaName + "' was added twice");
        }
        tensors.add(LoraTensorNames.down(kohyaName), precision, downShape, down);
        tensors.add(LoraTensorNames.up(kohyaName), precision, upShape, up);
        tensors.addScalar(LoraTensorNames.alpha(kohyaName), precision, alpha);
        return this;
    }

    /**
     * Writes the file with {@code metadata} (e.g. {@link KohyaMetadata#build()}) and the {@code sshs_*} hashes;
     * returns the hashes.
     */
    public LoraHashes write(Path target, Map<String, String> metadata) throws IOException {
        Map<String, String> withHashes = new LinkedHashMap<>(metadata);
        withHashes.remove(LoraHashes.MODEL_HASH_KEY);
        withHashes.remove(LoraHashes.LEGACY_HASH_KEY);
        SafetensorsWriter writer = tensors.withMetadata(withHashes);
        LoraHashes hashes = LoraHashes.of(writer);
        withHashes.put(LoraHashes.MODEL_HASH_KEY, hashes.modelHash());
        withHashes.put(LoraHashes.LEGACY_HASH_KEY, hashes.legacyHash());
        writer.metadata(withHashes).write(target);
        return hashes;
    }

    public SafetensorsDtype precision() {
        return precision;
    }

    public int moduleCount() {
        return modules.size();
    }
}
