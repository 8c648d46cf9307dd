package io.atelier.tageditor.ui.work;

import io.atelier.tageditor.ui.captions.CaptionWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netbeans.api.progress.ProgressHandle;

/**
 * A NetBeans progress bar with Cancel for work that runs on a background thread: determinate once the total is known,
 * and, for work measured in images, the throughput so far. Start and finish it from any thread.
 */
public final class ProgressBar implements CaptionWriter.Progress {

    private final ProgressHandle handle;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final boolean throughput;
    private long started;
    private int total = -1;
    private boolean running;

    /** @param throughput whether to show images per second beside the item */
    public ProgressBar(String title, boolean throughput) {
        this.throughput = throughput;
        this.handle = ProgressHandle.createHandle(title, () -> {
            cancelled.set(true);
            return true;
        });
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            started = System.nanoTime();
            handle.start();
        }
    }

    @Override
    public void step(int done, int total) {
        step(done, total, null);
    }

    /** {@code done} of {@code total} handled; {@code item} names the last one (or null). */
    public synchronized void step(int done, int total, String item) {
        start();
        if (total > 0 && total != this.total) {
            this.total = total;
            handle.switchToDeterminate(total);
        }
        String text = item == null ? "" : item;
        if (throughput && done > 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (seconds > 0) {
                text = (text.isEmpty() ? "" : text + " \u00b7 ")
                        + String.format(Locale.ROOT, "%.1f images/s", done / seconds);
            }
        }
        if (total > 0) {
            handle.progress(text, Math.min(done, total));
        } else {
            handle.progress(text);
        }
    }

    /** A line under the bar without moving it (e.g. "loading the model"). */
    public synchronized void say(String text) {
        start();
        handle.progress(text);
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    public synchronized void finish() {
        start();
        handle.finish();
    }
}
