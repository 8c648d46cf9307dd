package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** {@code y = x·Wᵀ + b} over the last axis, weights {@code [out, in]} from the checkpoint. */
public final class Linear implements LoraTarget {

    private final String path;
    private final NDArray weight;
    private final NDArray bias;
    private UnaryOperator<NDArray> adapter;

    private Linear(String path, NDArray weight, NDArray bias) {
        this.path = path;
        this.weight = weight;
        this.bias = bias;
    }

    /** Loads {@code <name>.weight} {@code [out, in]} and, when {@code withBias}, {@code <name>.bias} {@code [out]}. */
    public static Linear load(Weights w, String name, long in, long out, boolean withBias) throws IOException {
        Weights s = w.scope(name);
        NDArray weight = s.get("weight", out, in);
        NDArray bias = withBias ? s.get("bias", out) : null;
        return new Linear(s.path(), weight, bias);
    }

    public NDArray forward(NDArray x) {
        // x first, so the result belongs to the caller's (per-step) manager, not the weights'
        NDArray y = bias == null
                ? ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow()
                : ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
        UnaryOperator<NDArray> a = adapter;
        return a == null ? y : y.add(a.apply(x));
    }

    @Override
    public String modulePath() {
        return path;
    }

    @Override
    public Kind kind() {
        return Kind.LINEAR;
    }

    @Override
    public long inFeatures() {
        return weight.getShape().get(1);
    }

    @Override
    public long outFeatures() {
        return weight.getShape().get(0);
    }

    @Override
    public void attach(UnaryOperator<NDArray> adapter) {
        this.adapter = adapter;
    }

    @Override
    public void detach() {
        adapter = null;
    }
}
