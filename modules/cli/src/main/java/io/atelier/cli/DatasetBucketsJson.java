package io.atelier.cli;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketPlan;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.CropRect;
import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.report.FileProblem;
import java.util.ArrayList;
import java.util.List;

/** {@code atelier dataset buckets --json}: the bucket preview, fields in this order. */
record DatasetBucketsJson(String project, Settings settings, List<Image> images, List<BucketCount> buckets,
                          double meanAspectError, List<String> warnings, List<FileProblem> problems) {

    record Settings(int resolution, int minReso, int maxReso, int steps, boolean noUpscale) {
    }

    record Crop(int left, int top, int right, int bottom) {
    }

    record Image(String file, int width, int height, int bucketWidth, int bucketHeight, int resizedWidth,
                 int resizedHeight, Crop crop, boolean upscaled, double croppedFraction, double aspectError) {
    }

    record BucketCount(int width, int height, int count) {
    }

    static DatasetBucketsJson of(ProjectLayout layout, BucketSettings s, List<String> files, BucketPlan plan,
                                 List<FileProblem> problems) {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            BucketAssignment a = plan.assignments().get(i);
            CropRect c = a.crop();
            images.add(new Image(files.get(i), a.image().width(), a.image().height(), a.bucket().width(),
                    a.bucket().height(), a.resized().width(), a.resized().height(),
                    new Crop(c.left(), c.top(), c.right(), c.bottom()), a.upscaled(), a.croppedFraction(),
                    a.aspectError()));
        }
        List<BucketCount> counts = plan.counts().entrySet().stream()
                .map(e -> new BucketCount(e.getKey().width(), e.getKey().height(), e.getValue())).toList();
        return new DatasetBucketsJson(layout.root().toString(),
                new Settings(s.width(), s.minReso(), s.maxReso(), s.steps(), s.noUpscale()), images, counts,
                plan.meanAspectError(), plan.warnings(), problems);
    }
}
