package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.Conv2d;
import io.atelier.engine.djl.nn.Resize;
import java.io.IOException;

/** LDM {@code Upsample}: nearest ×2, then a 3×3 conv ({@code conv}). */
final class Upsample implements UnetLayer {

    private final Conv2d conv;

    private Upsample(Conv2d conv) {
        this.conv = conv;
    }

    static Upsample load(Weights w, long channels) throws IOException {
        return new Upsample(Conv2d.load3x3(w, "conv", channels, channels));
    }

    @Override
    public NDArray forward(NDArray x, NDArray timeEmbedding, NDArray context) {
        return conv.forward(Resize.nearest2x(x));
    }
}
