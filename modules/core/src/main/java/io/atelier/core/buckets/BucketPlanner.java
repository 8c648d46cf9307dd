package io.atelier.core.buckets;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Buckets a whole dataset the way sd-scripts' {@code make_buckets} does, for the dataset window's preview. */
public final class BucketPlanner {

    private final BucketSettings settings;

    public BucketPlanner(BucketSettings settings) {
        this.settings = settings;
    }

    /** @throws IllegalArgumentException when sd-scripts would refuse the settings or an image */
    public BucketPlan assign(List<ImageSize> images) {
        BucketSelector selector = BucketSelector.of(settings);
        List<BucketAssignment> assignments = new ArrayList<>(images.size());
        SortedMap<Bucket, Integer> counts = new TreeMap<>();
        double errorSum = 0;
        for (ImageSize image : images) {
            BucketAssignment a = selector.select(image);
            assignments.add(a);
            counts.merge(a.bucket(), 1, Integer::sum);
            errorSum += Math.abs(a.aspectError());
        }
        double meanError = images.isEmpty() ? 0 : errorSum / images.size();
        return new BucketPlan(assignments, counts, meanError, warnings());
    }

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (settings.enabled()) {
            warnings.addAll(BucketLimits.of(settings).warnings());
            if (settings.noUpscale()) {
                warnings.add("min_bucket_reso and max_bucket_reso are ignored if bucket_no_upscale is set");
            }
        }
        return warnings;
    }
}
