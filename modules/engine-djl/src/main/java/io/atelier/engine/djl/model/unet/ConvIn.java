package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;
import io.atelier.engine.djl.nn.Conv2d;

/** {@code input_blocks.0.0}: the 3×3 conv from the latent channels to the model channels. */
final class ConvIn implements UnetLayer {

    private final Conv2d conv;

    ConvIn(Conv2d conv) {
        this.conv = conv;
    }

    @Override
    public NDArray forward(NDArray x, NDArray timeEmbedding, NDArray context) {
        return conv.forward(x);
    }
}
