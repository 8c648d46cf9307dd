package io.atelier.core.buckets;

import java.util.List;
import java.util.TreeSet;

/** sd-scripts' {@code make_bucket_resolutions} (model_util.py, sd-scripts.md §7.2). */
public final class BucketResolutions {

    private BucketResolutions() {
    }

    /**
     * The predefined buckets: every (width, height) on the step grid between min and max whose area stays within
     * {@code width × height} of the resolution, plus the largest square, sorted by width then height.
     */
    public static List<Bucket> make(int width, int height, int minSize, int maxSize, int step) {
        long maxArea = (long) width * height;
        TreeSet<Bucket> resos = new TreeSet<>();
        // Python: int(math.sqrt(max_area) // divisible) * divisible, a float floor division
        int square = (int) Math.floor(Math.sqrt((double) maxArea) / step) * step;
        resos.add(new Bucket(square, square));
        for (int w = minSize; w <= maxSize; w += step) {
            int h = (int) Math.min(maxSize, (maxArea / w) / step * step);
            if (h >= minSize) {
                resos.add(new Bucket(w, h));
                resos.add(new Bucket(h, w));
            }
        }
        return List.copyOf(resos);
    }
}
