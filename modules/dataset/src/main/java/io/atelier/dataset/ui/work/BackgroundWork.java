package io.atelier.dataset.ui.work;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Runs long dataset work (import, prepare, quality check, trash) on a {@link RequestProcessor} with a NetBeans progress
 * bar the user can cancel, and hands the result to the event thread. A failure is logged and shown with the title of
 * the work, so the user learns what did not happen and why.
 */
@Messages({
    "# {0} - what failed",
    "# {1} - reason",
    "ERR_Work={0} failed: {1}"
})
public final class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());

    /** What a job tells its progress bar, and how it learns that the user pressed cancel. */
    public interface Progress {

        /** {@code done} of {@code total} items handled; {@code item} names the last one. */
        void step(int done, int total, String item);

        boolean cancelled();
    }

    /** The work itself; runs off the event thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws IOException;
    }

    private BackgroundWork() {
    }

    /**
     * Starts {@code job} on {@code processor}; {@code onDone} gets its result on the event thread. On failure the
     * user sees "{@code title} failed: reason" and {@code onFailure} runs on the event thread (e.g. to refresh); a job
     * that throws {@link Cancelled} only runs {@code onFailure}.
     */
    public static <T> RequestProcessor.Task start(RequestProcessor processor, String title, Job<T> job,
            Consumer<T> onDone, Runnable onFailure) {
        return processor.post(() -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            ProgressHandle handle = ProgressHandle.createHandle(title, () -> {
                cancelled.set(true);
                return true;
            });
            handle.start();
            try {
                T result = job.run(new HandleProgress(handle, cancelled));
                SwingUtilities.invokeLater(() -> onDone.accept(result));
            } catch (Cancelled e) {
                LOG.log(Level.FINE, "{0} cancelled", title);
                SwingUtilities.invokeLater(onFailure);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, title + " failed", e);
                ProblemList.showMessage(Bundle.ERR_Work(title, reason(e)));
                SwingUtilities.invokeLater(onFailure);
            } finally {
                handle.finish();
            }
        });
    }

    static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Switches the bar to determinate once the total is known, and again if the total grows. */
    private static final class HandleProgress implements Progress {
        private final ProgressHandle handle;
        private final AtomicBoolean cancelled;
        private int total = -1;

        HandleProgress(ProgressHandle handle, AtomicBoolean cancelled) {
            this.handle = handle;
            this.cancelled = cancelled;
        }

        @Override
        public synchronized void step(int done, int total, String item) {
            if (total <= 0) {
                handle.progress(item);
                return;
            }
            if (total != this.total) {
                this.total = total;
                handle.switchToDeterminate(total);
            }
            handle.progress(item, Math.min(done, total));
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }
}
