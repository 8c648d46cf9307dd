package io.atelier.dataset.ui;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.dataset.ui.buckets.BucketIndex;
import io.atelier.dataset.ui.buckets.BucketPlanning;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.work.BackgroundWork;
import java.util.List;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * The bucket preview of one Dataset window: plans in the background whenever the overlay is on and the settings or the
 * listing change, a newer plan replacing one not yet started. Event thread only; {@code changed} runs after a plan.
 */
@Messages("PROGRESS_Buckets=Planning buckets")
final class BucketController {

    private final BucketPlanning planning = new BucketPlanning();
    private final Runnable changed;
    private BucketIndex index;
    private boolean overlay;
    private RequestProcessor.Task running;

    BucketController(Runnable changed) {
        this.changed = changed;
    }

    BucketIndex index() {
        return index;
    }

    boolean overlay() {
        return overlay;
    }

    void setOverlay(boolean on) {
        overlay = on;
    }

    /** Where the image trains, while the overlay is on and the plan has it; else null. */
    BucketAssignment overlayFor(DatasetImage image) {
        return overlay && index != null ? index.of(image.name()) : null;
    }

    /** Where the image trains, if planned (whether the overlay is on or not). */
    BucketAssignment of(DatasetImage image) {
        return index == null ? null : index.of(image.name());
    }

    void plan(List<DatasetImage> images, BucketSettings settings) {
        if (running != null) {
            running.cancel();
        }
        running = BackgroundWork.start(DatasetThreads.BUCKETS, Bundle.PROGRESS_Buckets(),
                progress -> planning.plan(images, settings, progress), planned -> {
                    index = planned;
                    changed.run();
                }, () -> { });
    }

    void cancel() {
        if (running != null) {
            running.cancel();
        }
    }
}
