package io.atelier.engine.djl.lora;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.engine.djl.nn.LoraTarget;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * One LoRA module on one target layer, as kohya's {@code LoRAModule}:
 * {@code up(dropout(down(x))) × multiplier × alpha/rank} (multiplier 1 while training).
 * {@code down} starts kaiming-uniform with a = √5 (torch's Linear default, bound {@code 1/√in}), {@code up} at
 * zero, so an untrained module adds exactly zero. Weights have the shapes kohya saves:
 * {@code [rank, in]}/{@code [out, rank]}, with trailing {@code 1, 1} for 1×1 conv targets.
 */
public final class LoraModule implements UnaryOperator<NDArray> {

    private final LoraTarget target;
    private final NDArray down;
    private final NDArray up;
    private final int rank;
    private final float alpha;
    private final float dropout;
    private final Random dropoutRandom;
    private final float multiplier;
    private volatile boolean training;

    private LoraModule(LoraTarget target, NDArray down, NDArray up, int rank, float alpha, float dropout,
            Random dropoutRandom, float multiplier) {
        this.target = target;
        this.down = down;
        this.up = up;
        this.rank = rank;
        this.alpha = alpha;
        this.dropout = dropout;
        this.dropoutRandom = dropoutRandom;
        this.multiplier = multiplier;
    }

    /** Creates the module's weights in {@code manager} (trainable) and attaches it to {@code target}. */
    static LoraModule attach(LoraTarget target, LoraConfig config, NDManager manager, Random init, Random dropout) {
        int r = config.rank();
        long in = target.inFeatures();
        long out = target.outFeatures();
        boolean conv = target.kind() == LoraTarget.Kind.CONV_1X1;
        Shape downShape = conv ? new Shape(r, in, 1, 1) : new Shape(r, in);
        Shape upShape = conv ? new Shape(out, r, 1, 1) : new Shape(out, r);
        float bound = (float) (1 / Math.sqrt(in));
        float[] values = new float[Math.toIntExact(r * in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (init.nextFloat() * 2 - 1) * bound;
        }
        NDArray down = OwnedArrays.of(manager, values, downShape);
        NDArray up = manager.zeros(upShape);
        down.setName(target.modulePath() + ".lora_down.weight");
        up.setName(target.modulePath() + ".lora_up.weight");
        down.setRequiresGradient(true);
        up.setRequiresGradient(true);
        LoraModule module = new LoraModule(target, down, up, r, config.alpha(), config.dropout(), dropout, 1);
        target.attach(module);
        return module;
    }

    /**
     * Attaches a module with saved weights (a LoRA file's, in kohya's shapes), not trainable, its output times
     * {@code multiplier} (the "strength" users set when they apply a LoRA).
     */
    static LoraModule attachSaved(LoraTarget target, NDArray down, NDArray up, float alpha, float multiplier) {
        LoraModule module = new LoraModule(target, down, up, Math.toIntExact(down.getShape().get(0)), alpha, 0, null,
                multiplier);
        target.attach(module);
        return module;
    }

    /** The module's contribution {@code up(dropout(down(x))) × alpha/rank} for the target's input {@code x}. */
    @Override
    public NDArray apply(NDArray x) {
        boolean conv = target.kind() == LoraTarget.Kind.CONV_1X1;
        NDArray h = conv ? conv1x1(x, down) : ai.djl.nn.core.Linear.linear(x, down).singletonOrThrow();
        if (training && dropout > 0) {
            h = h.mul(dropoutMask(h));
        }
        NDArray y = conv ? conv1x1(h, up) : ai.djl.nn.core.Linear.linear(h, up).singletonOrThrow();
        return OwnedArrays.times(y, scale());
    }

    /**
     * A 1×1 convolution as a matrix product: the same numbers, and a backward pass that does not go through PyTorch's
     * CPU convolution backward (see {@code PatchConvolution}).
     */
    private static NDArray conv1x1(NDArray x, NDArray weight) {
        Shape s = x.getShape();
        long out = weight.getShape().get(0);
        NDArray matrix = weight.reshape(out, s.get(1));
        matrix.attach(x.getManager()); // a view for this step, not one more array in the weights' manager
        return matrix.matMul(x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3))).reshape(s.get(0), out, s.get(2),
                s.get(3));
    }

    /** Inverted dropout: kept units are scaled by 1/(1 − p), drawn from the network's seeded generator. */
    private NDArray dropoutMask(NDArray h) {
        long n = h.getShape().size();
        float[] mask = new float[Math.toIntExact(n)];
        float keep = 1 / (1 - dropout);
        synchronized (dropoutRandom) {
            for (int i = 0; i < mask.length; i++) {
                mask[i] = dropoutRandom.nextFloat() < dropout ? 0 : keep;
            }
        }
        return OwnedArrays.of(h.getManager(), mask, h.getShape());
    }

    void setTraining(boolean training) {
        this.training = training;
    }

    void detach() {
        target.detach();
    }

    /** The LDM module path of the target, e.g. {@code model.diffusion_model.middle_block.1.proj_in}. */
    public String modulePath() {
        return target.modulePath();
    }

    public LoraTarget.Kind kind() {
        return target.kind();
    }

    public NDArray down() {
        return down;
    }

    public NDArray up() {
        return up;
    }

    public int rank() {
        return rank;
    }

    public float alpha() {
        return alpha;
    }

    /** {@code multiplier × alpha / rank}: what the module's output is multiplied by. */
    public float scale() {
        return multiplier * alpha / rank;
    }
}
