package io.atelier.engine.djl.model.clip;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.nn.LayerNorm;
import io.atelier.engine.djl.nn.LoraTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SD 1.5's text encoder, OpenAI CLIP ViT-L/14's text transformer in the Hugging Face layout under
 * {@code cond_stage_model.transformer.text_model}: token and position embeddings, the encoder layers (12 in the real
 * model, counted from the keys), causal self-attention, {@code final_layer_norm}.
 *
 * <p>Clip skip as sd-scripts and A1111 apply it: skip 1 is the last layer's output, skip 2 the penultimate layer's;
 * either way through {@code final_layer_norm}. The layers after the chosen one are not computed.
 */
public final class ClipTextEncoder {

    public static final String PREFIX = "cond_stage_model.transformer.text_model";
    /** ViT-L/14's text transformer: 768 wide, 12 heads of 64. */
    public static final int VIT_L_HEADS = 12;

    private final NDArray tokenEmbedding;
    private final NDArray positionEmbedding;
    private final List<ClipEncoderLayer> layers;
    private final LayerNorm finalNorm;
    private final long dim;

    private ClipTextEncoder(NDArray tokenEmbedding, NDArray positionEmbedding, List<ClipEncoderLayer> layers,
            LayerNorm finalNorm, long dim) {
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.layers = layers;
        this.finalNorm = finalNorm;
        this.dim = dim;
    }

    public static ClipTextEncoder load(Weights checkpoint, int heads) throws IOException {
        Weights w = checkpoint.scope(PREFIX);
        long[] tokens = w.shape("embeddings.token_embedding.weight");
        long dim = tokens[1];
        long positions = w.dim("embeddings.position_embedding.weight", 0);
        NDArray tokenEmbedding = w.get("embeddings.token_embedding.weight", tokens[0], dim);
        NDArray positionEmbedding = w.get("embeddings.position_embedding.weight", positions, dim);
        List<ClipEncoderLayer> layers = new ArrayList<>();
        for (int i = 0; w.has("encoder.layers." + i + ".layer_norm1.weight"); i++) {
            layers.add(ClipEncoderLayer.load(w.scope("encoder.layers." + i), dim, heads));
        }
        if (layers.isEmpty()) {
            throw w.problem("has no text encoder layers (" + w.key("encoder.layers.0.*") + ")");
        }
        return new ClipTextEncoder(tokenEmbedding, positionEmbedding, List.copyOf(layers),
                LayerNorm.load(w, "final_layer_norm", dim), dim);
    }

    /**
     * The hidden states the U-Net's cross-attention reads.
     *
     * @param tokenIds {@code [B, N]} integer ids (N ≤ the position count, 77), e.g. from the CLIP tokenizer
     * @param clipSkip 1 = last layer, 2 = penultimate (SD 1.5 anime models), up to the layer count
     * @return {@code [B, N, dim]}
     */
    public NDArray encode(NDArray tokenIds, int clipSkip) {
        if (clipSkip < 1 || clipSkip > layers.size()) {
            throw new IllegalArgumentException("clip skip " + clipSkip + " is outside 1–" + layers.size());
        }
        long n = tokenIds.getShape().get(1);
        NDManager m = tokenIds.getManager();
        NDArray ids = tokenIds.getDataType() == DataType.INT64 ? tokenIds : tokenIds.toType(DataType.INT64, false);
        NDArray h = Embedding.embedding(ids, tokenEmbedding, SparseFormat.DENSE).singletonOrThrow();
        // the first n position rows, taken by a lookup so the result lives in the caller's manager
        NDArray positions = Embedding.embedding(m.arange(0L, n, 1L, DataType.INT64), positionEmbedding,
                SparseFormat.DENSE).singletonOrThrow();
        h = h.add(positions);
        NDArray mask = causalMask(m, n);
        int last = layers.size() - clipSkip;
        for (int i = 0; i <= last; i++) {
            h = layers.get(i).forward(h, mask);
        }
        return finalNorm.forward(h);
    }

    /** −∞ above the diagonal: a token attends to itself and the tokens before it. */
    private static NDArray causalMask(NDManager m, long n) {
        float[] mask = new float[(int) (n * n)];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                mask[(int) (i * n + j)] = Float.NEGATIVE_INFINITY;
            }
        }
        return OwnedArrays.of(m, mask, new ai.djl.ndarray.types.Shape(n, n));
    }

    /** The LoRA targets: every layer's q/k/v/out_proj, fc1, fc2. */
    public List<LoraTarget> loraTargets() {
        List<LoraTarget> targets = new ArrayList<>();
        for (ClipEncoderLayer layer : layers) {
            targets.addAll(layer.loraTargets());
        }
        return targets;
    }

    public int layerCount() {
        return layers.size();
    }

    public long dim() {
        return dim;
    }

    public long vocabularySize() {
        return tokenEmbedding.getShape().get(0);
    }

    public long maxPositions() {
        return positionEmbedding.getShape().get(0);
    }
}
