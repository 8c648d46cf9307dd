package io.atelier.trainingrun.chart;

import io.atelier.store.MetricPoint;
import io.atelier.store.MetricRepository;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.RequestProcessor;

/**
 * Follows one run's metrics on its own thread: reads what was written since the last read, at most {@link #BATCH}
 * values at a time, and hands each batch to the chart model on this same thread (the model is confined to it; the
 * event thread only gets the resulting frames). Reads again at once while full batches come back, else every
 * {@code interval} ms; stops after an empty read once the run has ended. {@link #post} runs other work on the model
 * (smoothing, zoom, export) on the same thread.
 */
public final class MetricPoller {

    /** Values per read: a long run's history comes in a few reads. */
    public static final int BATCH = 50_000;
    private static final Logger LOG = Logger.getLogger(MetricPoller.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Run metrics", 1);

    private final Supplier<MetricRepository> metrics;
    private final int interval;
    private final RequestProcessor.Task task = RP.create(this::poll);
    private volatile Watch watch;

    /** What is being followed: a run, where its values go, and whether it may still write. */
    private record Watch(UUID run, Consumer<List<MetricPoint>> onBatch, Supplier<Boolean> going, long[] seq) {
    }

    public MetricPoller(Supplier<MetricRepository> metrics, int intervalMillis) {
        this.metrics = metrics;
        this.interval = intervalMillis;
    }

    /** Starts following {@code run} from the beginning; {@code onBatch} runs on the poller's thread. */
    public void follow(UUID run, Consumer<List<MetricPoint>> onBatch, Supplier<Boolean> going) {
        watch = new Watch(run, onBatch, going, new long[]{0});
        task.schedule(0);
    }

    /** Runs {@code work} on the poller's thread, after what is under way. */
    public void post(Runnable work) {
        RP.post(work);
    }

    /** Stops following (window closed). */
    public void stop() {
        watch = null;
        task.cancel();
    }

    private void poll() {
        Watch w = watch;
        if (w == null) {
            return;
        }
        boolean going = w.going().get(); // asked before reading, so the last values of an ending run are not missed
        List<MetricPoint> batch;
        try {
            batch = metrics.get().since(w.run(), w.seq()[0], BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Cannot read the metrics of run " + w.run() + "; trying again", e);
            task.schedule(Math.max(interval, 2000));
            return;
        }
        if (batch.isEmpty()) {
            if (going) {
                task.schedule(interval);
            }
            return;
        }
        w.seq()[0] = batch.get(batch.size() - 1).seq();
        if (watch != w) {
            return; // another run is shown now
        }
        w.onBatch().accept(batch);
        task.schedule(batch.size() == BATCH ? 0 : interval);
    }
}
