package io.atelier.core.buckets;

import java.util.ArrayList;
import java.util.List;

/**
 * min/max bucket resolution after sd-scripts' {@code adjust_min_max_bucket_reso_by_steps} (sd-scripts.md §7.1):
 * min rounded down and max rounded up to a multiple of the step, each with a warning, then checked against the
 * resolution with sd-scripts' own messages so the preview fails where training would.
 */
public record BucketLimits(int minReso, int maxReso, List<String> warnings) {

    public BucketLimits {
        warnings = List.copyOf(warnings);
    }

    /** @throws IllegalArgumentException when sd-scripts would refuse the settings */
    public static BucketLimits of(BucketSettings s) {
        List<String> warnings = new ArrayList<>();
        int min = s.minReso();
        int max = s.maxReso();
        if (min % s.steps() != 0) {
            int adjusted = min - min % s.steps();
            warnings.add("min_bucket_reso " + min + " is not divisible by bucket_reso_steps " + s.steps()
                    + "; adjusted to " + adjusted);
            min = adjusted;
        }
        if (min == 0) {
            // sd-scripts would divide by zero building the bucket list
            throw new IllegalArgumentException("min_bucket_reso " + s.minReso() + " rounds down to 0 with bucket_reso_steps "
                    + s.steps());
        }
        if (max % s.steps() != 0) {
            int adjusted = max + s.steps() - max % s.steps();
            warnings.add("max_bucket_reso " + max + " is not divisible by bucket_reso_steps " + s.steps()
                    + "; adjusted to " + adjusted);
            max = adjusted;
        }
        if (Math.min(s.width(), s.height()) < min) {
            throw new IllegalArgumentException("min_bucket_reso must be equal or less than resolution (min "
                    + min + ", resolution " + s.width() + "x" + s.height() + ")");
        }
        if (Math.max(s.width(), s.height()) > max) {
            throw new IllegalArgumentException("max_bucket_reso must be equal or greater than resolution (max "
                    + max + ", resolution " + s.width() + "x" + s.height() + ")");
        }
        return new BucketLimits(min, max, warnings);
    }
}
