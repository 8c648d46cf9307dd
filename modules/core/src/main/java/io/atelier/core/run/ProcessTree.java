package io.atelier.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and everything it started. {@code accelerate launch} runs the training script as a child, and the
 * script's data-loader workers are grandchildren; ending only the top process would leave them holding the GPU.
 * Used by engines to stop a run and by the runner to end an engine whose driver died.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Asks the descendants (deepest first), then the process, to end ({@code SIGTERM}, so Python can clean up), waits
     * up to {@code grace} for all of them, then kills whatever is left.
     */
    public static void kill(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        // deepest first, so no process outlives its parent long enough to be re-parented and missed
        tree.sort(Comparator.comparingInt((ProcessHandle h) -> depth(h, process.pid())).reversed());
        for (ProcessHandle h : tree) {
            h.destroy();
        }
        process.destroy();
        List<ProcessHandle> all = new ArrayList<>(tree);
        all.add(process);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            CompletableFuture<ProcessHandle> exit = h.onExit();
            try {
                exit.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // onExit never completes exceptionally; nothing to wait for
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        // a child the process started after the first listing, while it was still alive
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** How many parents up {@code root} is; processes whose chain breaks (already gone) count as shallow. */
    private static int depth(ProcessHandle h, long root) {
        int d = 0;
        ProcessHandle p = h;
        while (d < 64) {
            java.util.Optional<ProcessHandle> parent = p.parent();
            if (parent.isEmpty()) {
                return d;
            }
            d++;
            if (parent.get().pid() == root) {
                return d;
            }
            p = parent.get();
        }
        return d;
    }
}
