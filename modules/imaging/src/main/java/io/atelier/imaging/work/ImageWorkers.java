package io.atelier.imaging.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Thread pools for work that decodes whole images (Prepare, the quality check): one thread per core, as far as the
 * heap holds a full-size decode per thread.
 */
public final class ImageWorkers {

    /** Memory one worker may need: a 6000 x 4000 decode plus its resized or measured copies. */
    static final long BYTES_PER_WORKER = 400L * 1024 * 1024;

    private ImageWorkers() {
    }

    /** Threads worth running at once on this machine and heap; at least one. */
    public static int available() {
        long byMemory = Runtime.getRuntime().maxMemory() / BYTES_PER_WORKER;
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byMemory));
    }

    /** A pool of {@code threads} daemon threads named {@code name}, for {@code jobs} jobs (never more threads). */
    public static ExecutorService pool(String name, int threads, int jobs) {
        return Executors.newFixedThreadPool(Math.max(1, Math.min(threads, jobs)), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
