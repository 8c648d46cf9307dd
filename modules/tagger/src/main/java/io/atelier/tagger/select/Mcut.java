package io.atelier.tagger.select;

import java.util.Arrays;

/**
 * Maximum Cut Thresholding (Largeron et al., IDA 2012) as the WD14 reference applies it
 * (reference/wd14-tagger.md §7): sort descending, find the first largest gap between neighbours, cut in its middle.
 * Computed in float32 like the reference's NumPy arrays.
 */
final class Mcut {

    private Mcut() {
    }

    /** The cut for {@code probabilities}; NaN when there are fewer than two (no gap to cut). */
    static float threshold(float[] probabilities) {
        if (probabilities.length < 2) {
            return Float.NaN;
        }
        float[] sorted = probabilities.clone();
        Arrays.sort(sorted); // ascending; walk it from the top
        int n = sorted.length;
        int best = n - 1;
        float bestGap = Float.NEGATIVE_INFINITY;
        for (int i = n - 1; i > 0; i--) {
            float gap = sorted[i] - sorted[i - 1];
            if (gap > bestGap) { // strict: the first maximum from the top, like numpy's argmax
                bestGap = gap;
                best = i;
            }
        }
        return (sorted[best] + sorted[best - 1]) / 2f;
    }
}
