package io.atelier.core.buckets;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of bucketing a dataset: one assignment per input image (same order), how many images each non-empty
 * bucket received (sorted like sd-scripts' {@code bucket i: resolution (w, h), count: n} log, without repeats), the
 * mean absolute aspect error sd-scripts logs, and sd-scripts' warnings about the settings.
 */
public record BucketPlan(List<BucketAssignment> assignments, SortedMap<Bucket, Integer> counts,
                         double meanAspectError, List<String> warnings) {

    public BucketPlan {
        assignments = List.copyOf(assignments);
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        warnings = List.copyOf(warnings);
    }
}
