package io.atelier.dataset.ui.buckets;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketPlan;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.imaging.report.FileProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket plan looked up by file name, with what the preview shows beside it: sd-scripts' warnings about the
 * settings, the mixed-sizes warning (bucketing off) and the images whose header could not be read.
 */
public record BucketIndex(BucketSettings settings, BucketPlan plan, Map<String, BucketAssignment> byFile,
                          Optional<String> mixedSizes, List<FileProblem> problems) {

    public BucketIndex {
        byFile = Map.copyOf(byFile);
        problems = List.copyOf(problems);
    }

    public BucketAssignment of(String file) {
        return byFile.get(file);
    }

    /** Images that are enlarged to fill their bucket. */
    public long upscaled() {
        return plan.assignments().stream().filter(BucketAssignment::upscaled).count();
    }

    /** Images that lose more than {@code fraction} of their pixels to the crop. */
    public long croppedMoreThan(double fraction) {
        return plan.assignments().stream().filter(a -> a.croppedFraction() > fraction).count();
    }
}
