package io.atelier.engine.djl.model.unet;

import ai.djl.ndarray.NDArray;

/** One element of an LDM {@code TimestepEmbedSequential}: it sees the features, the time embedding and the context. */
interface UnetLayer {

    NDArray forward(NDArray x, NDArray timeEmbedding, NDArray context);
}
