package io.atelier.engine.djl.checkpoint;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.safetensors.SafetensorsFile;
import io.atelier.core.safetensors.SafetensorsHeader;
import io.atelier.core.safetensors.SafetensorsTensor;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tensors of a {@code .safetensors} checkpoint as F32 NDArrays, read one at a time by name.
 *
 * <p>The bytes come from core's {@link SafetensorsFile} (each tensor mapped on its own, F16 and BF16 widened to
 * {@code float[]} in Java), so no BF16 array ever reaches DJL, where creating one aborts the JVM.
 */
public final class CheckpointTensors implements Closeable {

    private final SafetensorsFile file;
    private final Set<String> names;

    private CheckpointTensors(SafetensorsFile file) {
        this.file = file;
        this.names = file.tensors().stream().map(SafetensorsTensor::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Opens {@code file} and validates its header; the data is read per tensor later. */
    public static CheckpointTensors open(Path file) throws IOException {
        return new CheckpointTensors(SafetensorsFile.open(file));
    }

    public Path file() {
        return file.file();
    }

    public SafetensorsHeader header() {
        return file.header();
    }

    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(names);
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** The shape the header declares, or null when there is no such tensor. */
    public long[] shape(String name) {
        return file.find(name).map(SafetensorsTensor::shape).orElse(null);
    }

    /** The tensor's values as F32 (F16 and BF16 widened, F64 narrowed). */
    public float[] readFloats(String name) throws IOException {
        if (!names.contains(name)) {
            throw new CheckpointException(file(), "has no tensor '" + name + "'");
        }
        return file.readFloats(name);
    }

    /** The tensor as an F32 array of {@code manager}, with the shape the header declares. */
    public NDArray load(String name, NDManager manager) throws IOException {
        float[] values = readFloats(name);
        return OwnedArrays.of(manager, values, new Shape(shape(name)));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    @Override
    public String toString() {
        return file() + " (" + names.size() + " tensors)";
    }
}
