package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Conv2d;
import java.io.IOException;

/** LDM {@code Downsample}: a 3×3 conv with stride 2 and padding 1 ({@code op}). */
final class Downsample implements UnetLayer {

    private final Conv2d op;

    private Downsample(Conv2d op) {
        this.op = op;
    }

    static Downsample load(Weights w, long channels) throws IOException {
        return new Downsample(Conv2d.load(w, "op", channels, channels, 3, 2, 1));
    }

    @Override
    public NDArray forward(NDArray x, NDArray timeEmbedding, NDArray context) {
        return op.forward(x);
    }
}
