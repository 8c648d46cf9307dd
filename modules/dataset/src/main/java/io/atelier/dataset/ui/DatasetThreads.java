package io.atelier.dataset.ui;

import org.openide.util.RequestProcessor;

/** The request processors of the Dataset windows. The event thread never reads or writes the dataset itself. */
final class DatasetThreads {

    /** File-changing work and the quality check, one at a time over all projects: they compete for the disk. */
    static final RequestProcessor WORK = new RequestProcessor("Dataset work", 1, true);
    /** Listings and small reads and writes: kept findings, captions, starting an external editor. */
    static final RequestProcessor IO = new RequestProcessor("Dataset listing", 2);
    /** Bucket plans; a new plan cancels one not yet started. */
    static final RequestProcessor BUCKETS = new RequestProcessor("Dataset buckets", 1, true);
    /** Thumbnails. One core stays free for the event thread, so scrolling stays smooth while they are made. */
    static final RequestProcessor THUMBNAILS = new RequestProcessor("Dataset thumbnails",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));

    private DatasetThreads() {
    }
}
