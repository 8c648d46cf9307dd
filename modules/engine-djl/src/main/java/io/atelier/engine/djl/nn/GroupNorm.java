package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.atelier.engine.djl.checkpoint.Weights;
import java.io.IOException;

/**
 * Group normalisation over NCHW (torch {@code GroupNorm}): statistics per sample and group of channels, biased
 * variance, then a per-channel affine. SD uses 32 groups; eps 1e-5 in the U-Net's ResBlocks, 1e-6 elsewhere.
 */
public final class GroupNorm {

    public static final int SD_GROUPS = 32;

    private final int groups;
    private final float eps;
    private final NDArray gamma;
    private final NDArray beta;

    private GroupNorm(int groups, float eps, NDArray gamma, NDArray beta) {
        this.groups = groups;
        this.eps = eps;
        this.gamma = gamma;
        this.beta = beta;
    }

    public static GroupNorm load(Weights w, String name, long channels, int groups, float eps) throws IOException {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(w.key(name) + ": " + channels + " channels do not split into "
                    + groups + " groups");
        }
        Weights s = w.scope(name);
        // reshaped once here: an op on a weight would put its result in the weights' manager on every call
        NDArray gamma = s.get("weight", channels).reshape(1, channels, 1, 1);
        NDArray beta = s.get("bias", channels).reshape(1, channels, 1, 1);
        return new GroupNorm(groups, eps, gamma, beta);
    }

    public NDArray forward(NDArray x) {
        Shape shape = x.getShape();
        NDArray g = x.reshape(shape.get(0), groups, -1);
        NDArray mean = g.mean(new int[]{2}, true);
        NDArray centred = g.sub(mean);
        NDArray variance = centred.square().mean(new int[]{2}, true);
        NDArray normalised = centred.div(variance.add(eps).sqrt()).reshape(shape);
        return normalised.mul(gamma).add(beta);
    }
}
