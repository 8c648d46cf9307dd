package io.atelier.dataset.ui.buckets;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketPlan;
import io.atelier.core.buckets.BucketPlanner;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.ImageSize;
import io.atelier.core.buckets.MixedSizeWarning;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import io.atelier.imaging.report.FileProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans the buckets of the listed images as sd-scripts would, from their headers (stored size, EXIF orientation not
 * applied: sd-scripts does not apply it either). Sizes are remembered per image, so changing a setting re-plans
 * thousands of images without reading them again. Runs off the event thread.
 */
public final class BucketPlanning {

    private final ImageProbe probe = new ImageProbe();
    private final Map<DatasetImage, ImageSize> sizes = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException when sd-scripts would refuse the settings (its message)
     */
    public BucketIndex plan(List<DatasetImage> images, BucketSettings settings, BackgroundWork.Progress progress)
            throws IOException {
        List<String> names = new ArrayList<>();
        List<ImageSize> known = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        int done = 0;
        for (DatasetImage image : images) {
            if (progress.cancelled()) {
                throw new io.atelier.dataset.ui.work.Cancelled();
            }
            try {
                known.add(sizeOf(image));
                names.add(image.name());
            } catch (IOException | RuntimeException e) {
                problems.add(new FileProblem(image.name(), e.getMessage() != null ? e.getMessage() : e.toString()));
            }
            progress.step(++done, images.size(), image.name());
        }
        sizes.keySet().retainAll(images);
        BucketPlan plan = new BucketPlanner(settings).assign(known);
        Map<String, BucketAssignment> byFile = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byFile.put(names.get(i), plan.assignments().get(i));
        }
        return new BucketIndex(settings, plan, byFile, MixedSizeWarning.check(settings, known), problems);
    }

    private ImageSize sizeOf(DatasetImage image) throws IOException {
        ImageSize size = sizes.get(image);
        if (size == null) {
            ImageInfo info = probe.probe(image.file());
            size = new ImageSize(info.width(), info.height());
            sizes.put(image, size);
        }
        return size;
    }
}
