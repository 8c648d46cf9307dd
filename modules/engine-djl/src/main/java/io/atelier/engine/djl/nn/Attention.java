package io.atelier.engine.djl.nn;

import ai.djl.ndarray.NDArray;

/** Multi-head scaled dot-product attention on already projected queries, keys and values. */
public final class Attention {

    private Attention() {
    }

    /**
     * {@code softmax(q·kᵀ/√d + mask)·v} per head.
     *
     * @param q     {@code [B, N, C]}
     * @param k     {@code [B, M, C]}
     * @param v     {@code [B, M, C]}
     * @param heads C is split into this many heads of {@code C / heads}
     * @param mask  added to the scores before the softmax ({@code [N, M]}, broadcast), or null
     * @return {@code [B, N, C]}
     */
    public static NDArray attend(NDArray q, NDArray k, NDArray v, int heads, NDArray mask) {
        long b = q.getShape().get(0);
        long n = q.getShape().get(1);
        long c = q.getShape().get(2);
        long m = k.getShape().get(1);
        if (c % heads != 0) {
            throw new IllegalArgumentException(c + " channels do not split into " + heads + " heads");
        }
        long d = c / heads;
        NDArray qh = q.reshape(b, n, heads, d).transpose(0, 2, 1, 3);
        NDArray kh = k.reshape(b, m, heads, d).transpose(0, 2, 3, 1);
        NDArray vh = v.reshape(b, m, heads, d).transpose(0, 2, 1, 3);
        NDArray scores = OwnedArrays.times(qh.matMul(kh), (float) (1 / Math.sqrt(d)));
        if (mask != null) {
            scores = scores.add(mask);
        }
        return scores.softmax(-1).matMul(vh).transpose(0, 2, 1, 3).reshape(b, n, c);
    }
}
