package io.atelier.engine.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW as {@code torch.optim.AdamW} computes it (decoupled weight decay, bias-corrected moments), written on NDArrays
 * instead of DJL's optimiser so that the learning rate can change every step (the LR schedule) and the moments and
 * the step count can be saved and restored for a resume. Optional clipping by the global gradient norm, as
 * sd-scripts' {@code clip_grad_norm_} over the network's weights.
 */
public final class AdamW implements AutoCloseable {

    /** One parameter group: its weights by name and the rate of this step. */
    public record Group(Map<String, NDArray> parameters, double learningRate) {
    }

    private final NDManager manager;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final float maxGradNorm;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private long steps;

    /** @param maxGradNorm clip the gradients' global L2 norm to this; 0 = off */
    public AdamW(NDManager parent, float beta1, float beta2, float epsilon, float weightDecay, float maxGradNorm) {
        this.manager = parent.newSubManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.maxGradNorm = maxGradNorm;
    }

    /**
     * One optimiser step on the accumulated gradients of every group, then the gradients are zeroed by hand (PyTorch
     * accumulates them; DJL's {@code zeroGradients()} walks every array of the engine and leaks handles).
     */
    public void step(List<Group> groups) {
        NoGrad.run(() -> stepWithoutGrad(groups));
    }

    private void stepWithoutGrad(List<Group> groups) {
        steps++;
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        try {
            for (Group g : groups) {
                for (Map.Entry<String, NDArray> p : g.parameters().entrySet()) {
                    gradients.put(p.getKey(), p.getValue().getGradient());
                }
            }
            clip(gradients);
            double correction1 = 1 - Math.pow(beta1, steps);
            double correction2 = 1 - Math.pow(beta2, steps);
            for (Group g : groups) {
                for (Map.Entry<String, NDArray> p : g.parameters().entrySet()) {
                    update(p.getKey(), p.getValue(), gradients.get(p.getKey()), (float) g.learningRate(),
                            (float) correction1, (float) correction2);
                }
            }
            for (NDArray gradient : gradients.values()) {
                gradient.subi(gradient);
            }
        } finally {
            gradients.values().forEach(NDArray::close);
        }
    }

    private void clip(Map<String, NDArray> gradients) {
        if (maxGradNorm <= 0) {
            return;
        }
        double sum = 0;
        for (NDArray g : gradients.values()) {
            try (NDArray squares = g.square(); NDArray total = squares.sum()) {
                sum += total.getFloat();
            }
        }
        double norm = Math.sqrt(sum);
        if (norm > maxGradNorm) {
            float factor = (float) (maxGradNorm / (norm + 1e-6));
            gradients.values().forEach(g -> g.muli(factor));
        }
    }

    private void update(String name, NDArray weight, NDArray gradient, float lr, float correction1,
            float correction2) {
        NDArray[] mv = moments.computeIfAbsent(name, n -> new NDArray[]{
                manager.zeros(weight.getShape()), manager.zeros(weight.getShape())});
        NDArray m = mv[0];
        NDArray v = mv[1];
        try (NDArray g1 = gradient.mul(1 - beta1)) {
            m.muli(beta1).addi(g1);
        }
        try (NDArray g2 = gradient.square()) {
            v.muli(beta2).addi(g2.muli(1 - beta2));
        }
        try (NDArray denominator = v.div(correction2); NDArray update = m.div(correction1);
             NDArray decay = weight.mul(lr * weightDecay)) {
            denominator.powi(0.5f).addi(epsilon);
            // decoupled decay folded into the one in-place change of the weight: a separate in-place decay
            // step gave NaN gradients in the next backward (DJL 0.36 / PyTorch 2.7.1, CPU)
            weight.subi(update.divi(denominator).muli(lr).addi(decay));
        }
    }

    /** Optimiser steps taken so far (the bias-correction count). */
    public long steps() {
        return steps;
    }

    /** The moments by weight name: {@code [m, v]} as flat arrays, for a saved state. */
    public Map<String, float[][]> exportMoments() {
        Map<String, float[][]> out = new LinkedHashMap<>();
        moments.forEach((name, mv) -> out.put(name, new float[][]{mv[0].toFloatArray(), mv[1].toFloatArray()}));
        return out;
    }

    /** Restores a saved state: the moments of each weight (shapes taken from the weights) and the step count. */
    public void restore(long steps, Map<String, float[][]> saved, Map<String, NDArray> weights) {
        for (Map.Entry<String, float[][]> e : saved.entrySet()) {
            NDArray weight = weights.get(e.getKey());
            if (weight == null) {
                throw new IllegalArgumentException("the saved optimiser state has moments for '" + e.getKey()
                        + "', which this network does not have");
            }
            NDArray m = manager.create(e.getValue()[0], weight.getShape());
            NDArray v = manager.create(e.getValue()[1], weight.getShape());
            NDArray[] old = moments.put(e.getKey(), new NDArray[]{m, v});
            if (old != null) {
                old[0].close();
                old[1].close();
            }
        }
        this.steps = steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
