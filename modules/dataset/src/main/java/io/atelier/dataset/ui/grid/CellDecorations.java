package io.atelier.dataset.ui.grid;

import io.atelier.core.buckets.BucketAssignment;
import java.util.List;

/** What the grid draws on a cell besides the thumbnail: finding badges and the bucket crop. Event thread only. */
public interface CellDecorations {

    CellDecorations NONE = new CellDecorations() {
        @Override
        public List<Badge> badges(DatasetImage image) {
            return List.of();
        }

        @Override
        public BucketAssignment bucket(DatasetImage image) {
            return null;
        }
    };

    /** Findings to mark on the cell, in the order shown. */
    List<Badge> badges(DatasetImage image);

    /** The bucket to draw the crop of, or null when the overlay is off or the image is not planned yet. */
    BucketAssignment bucket(DatasetImage image);
}
