package io.atelier.trainingrun.chart;

import io.atelier.store.MetricPoint;
import io.atelier.store.MetricRepository;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.util.RequestProcessor;

/**
 * Follows one run's metrics: reads what was written since the last read off the event thread, at most {@link #BATCH}
 * values at a time, and hands each batch to the event thread; the next read waits until that batch was applied, so a
 * long run's history streams in without queueing up work for the event thread. Reads again at once while full
 * batches come back, else every {@code interval} ms; stops after an empty read once the run has ended.
 */
public final class MetricPoller {

    /** Values per batch: a batch takes a few milliseconds on the event thread. */
    public static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(MetricPoller.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Run metrics", 1);

    private final Supplier<MetricRepository> metrics;
    private final int interval;
    private final RequestProcessor.Task task = RP.create(this::poll);
    private volatile Watch watch;

    /** What is being followed: a run, where its values go, and whether it may still write. */
    private record Watch(UUID run, Consumer<List<MetricPoint>> onEdt, Supplier<Boolean> going, long[] seq) {
    }

    public MetricPoller(Supplier<MetricRepository> metrics, int intervalMillis) {
        this.metrics = metrics;
        this.interval = intervalMillis;
    }

    /** Starts following {@code run} from the beginning; an earlier run's batches on their way are dropped. */
    public void follow(UUID run, Consumer<List<MetricPoint>> onEdt, Supplier<Boolean> going) {
        watch = new Watch(run, onEdt, going, new long[]{0});
        task.schedule(0);
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
        SwingUtilities.invokeLater(() -> {
            if (watch != w) {
                return; // another run is shown now
            }
            w.onEdt().accept(batch);
            task.schedule(batch.size() == BATCH ? 0 : interval);
        });
    }
}
