package io.atelier.engine.djl.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checkpoint weights under one key prefix, loaded with shape checks into one manager.
 *
 * <p>A missing weight whose shape the network's structure already fixes is recorded and replaced by zeros, so one
 * load reports every missing key at once ({@link #missing()}); a weight whose shape is wrong fails at once, naming the
 * key and both shapes. Keys are the checkpoint's LDM names, e.g. {@code model.diffusion_model.out.2.weight}.
 */
public final class Weights {

    private final CheckpointTensors tensors;
    private final NDManager manager;
    private final String prefix;
    private final List<String> missing;

    private Weights(CheckpointTensors tensors, NDManager manager, String prefix, List<String> missing) {
        this.tensors = tensors;
        this.manager = manager;
        this.prefix = prefix;
        this.missing = missing;
    }

    public Weights(CheckpointTensors tensors, NDManager manager) {
        this(tensors, manager, "", new ArrayList<>());
    }

    /** The weights under {@code prefix + "."}, sharing this one's manager and missing-key list. */
    public Weights scope(String child) {
        return new Weights(tensors, manager, key(child) + ".", missing);
    }

    /** The full checkpoint key of {@code name} in this scope. */
    public String key(String name) {
        return prefix + name;
    }

    /** The module path of this scope (its prefix without the trailing dot). */
    public String path() {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    public boolean has(String name) {
        return tensors.contains(key(name));
    }

    /** The declared shape of a weight the structure is read from; it must exist. */
    public long[] shape(String name) throws CheckpointException {
        long[] shape = tensors.shape(key(name));
        if (shape == null) {
            throw new CheckpointException(tensors.file(), "has no tensor '" + key(name) + "', which an SD 1.5 "
                    + "checkpoint has");
        }
        return shape;
    }

    /** One dimension of a weight the structure is read from. */
    public long dim(String name, int axis) throws CheckpointException {
        long[] shape = shape(name);
        if (axis >= shape.length) {
            throw new CheckpointException(tensors.file(), "tensor '" + key(name) + "' has shape "
                    + Arrays.toString(shape) + ", which has no axis " + axis);
        }
        return shape[axis];
    }

    /**
     * The weight {@code name}, which must have the shape {@code expected}.
     *
     * @throws CheckpointException when its shape differs (naming the key and both shapes) or it cannot be read
     */
    public NDArray get(String name, long... expected) throws IOException {
        String key = key(name);
        long[] actual = tensors.shape(key);
        if (actual == null) {
            missing.add(key);
            return manager.zeros(new Shape(expected));
        }
        if (!Arrays.equals(actual, expected)) {
            throw new CheckpointException(tensors.file(), "tensor '" + key + "' has shape " + Arrays.toString(actual)
                    + ", expected " + Arrays.toString(expected));
        }
        NDArray array = tensors.load(key, manager);
        array.setName(key);
        return array;
    }

    /** The keys that were asked for and are not in the checkpoint, in the order they were asked for. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    /** An error about this checkpoint, naming its file. */
    public CheckpointException problem(String text) {
        return new CheckpointException(tensors.file(), text);
    }

    public NDManager manager() {
        return manager;
    }
}
