package io.atelier.gallery.grid;

import io.atelier.core.gallery.GenerationPlan;
import io.atelier.runner.gallery.GalleryGenerator;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;

/**
 * One generation job's progress bar (Cancel cancels the job between steps) and its reports to the gallery window:
 * each written image (the grid reloads), each failure (listed), the end.
 */
final class GenerationProgress implements GalleryGenerator.JobListener {

    private static final Logger LOG = Logger.getLogger(GenerationProgress.class.getName());

    private final ProgressHandle handle;
    private final Runnable written;
    private final Consumer<String> failed;
    private volatile GalleryGenerator.Job job;
    private boolean started;

    /**
     * @param written on the generator's thread after each image is recorded
     * @param failed  on the generator's thread with a line naming the image and the reason
     */
    GenerationProgress(String title, Runnable written, Consumer<String> failed) {
        this.handle = ProgressHandle.createHandle(title, () -> {
            GalleryGenerator.Job j = job;
            if (j != null) {
                j.cancel();
            }
            return true;
        });
        this.written = written;
        this.failed = failed;
    }

    /** The job, once submitted, so Cancel can reach it. */
    void attach(GalleryGenerator.Job job) {
        this.job = job;
    }

    /** Shows the bar before the job starts (it may wait behind another window's job). */
    synchronized void queued(int total) {
        if (!started) {
            handle.start(total);
            handle.progress("waiting for the sampler");
            started = true;
        }
    }

    @Override
    public synchronized void progress(GalleryGenerator.Job job, int done, int failedCount, int total,
            String current) {
        queued(total);
        handle.progress(current.isEmpty() ? done + " of " + total : current, Math.min(total, done + failedCount));
    }

    @Override
    public void written(GalleryGenerator.Job job, GenerationPlan.Cell cell) {
        written.run();
    }

    @Override
    public void failed(GalleryGenerator.Job job, GenerationPlan.Cell cell, String reason) {
        String what = cell == null ? "an image" : GridContent.rowLabel(cell.epoch()) + ", prompt #"
                + cell.promptIndex() + " (" + cell.request().output().getFileName() + ")";
        failed.accept(what + ": " + reason);
    }

    @Override
    public synchronized void finished(GalleryGenerator.Job job, boolean cancelled, String problem) {
        if (problem != null) {
            failed.accept("Nothing could be generated: " + problem);
        }
        LOG.log(Level.INFO, "Gallery generation {0}: {1} written, {2} failed of {3}", new Object[]{
            cancelled ? "cancelled" : "finished", job.written(), job.failed(), job.total()});
        if (!started) {
            handle.start();
        }
        handle.finish();
        written.run();
    }
}
