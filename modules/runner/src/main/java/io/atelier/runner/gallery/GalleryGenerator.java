package io.atelier.runner.gallery;

import io.atelier.core.gallery.GenerationPlan;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.GenerationListener;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.SamplingException;
import io.atelier.store.Store;
import io.atelier.store.StoreAccessException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes gallery images in the background, one job after another on one thread (a GPU does one thing at a time), and
 * records each written image in the store so the gallery shows it at once. Jobs are cancellable; a request that fails
 * is reported and the job goes on.
 */
public final class GalleryGenerator implements AutoCloseable {

    /** What a job reports, on the generator's thread. */
    public interface JobListener {
        void progress(Job job, int done, int failed, int total, String current);

        void written(Job job, GenerationPlan.Cell cell);

        void failed(Job job, GenerationPlan.Cell cell, String reason);

        /** @param problem why nothing could be made at all, or null */
        void finished(Job job, boolean cancelled, String problem);
    }

    /** A queued or running job. */
    public static final class Job {
        private final List<GenerationPlan.Cell> cells;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<Job> done = new CompletableFuture<>();
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        private Job(List<GenerationPlan.Cell> cells) {
            this.cells = List.copyOf(cells);
        }

        public void cancel() {
            cancelled.set(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }

        public int total() {
            return cells.size();
        }

        public int written() {
            return written.get();
        }

        public int failed() {
            return failed.get();
        }

        public CompletableFuture<Job> done() {
            return done;
        }
    }

    private final Store store;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "Gallery generator");
        t.setDaemon(true);
        return t;
    });

    public GalleryGenerator(Store store) {
        this(store, Clock.systemUTC());
    }

    GalleryGenerator(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Queues the cells on {@code sampler}; the job starts when the ones before it are done. */
    public Job submit(List<GenerationPlan.Cell> cells, ImageSampler sampler, EngineSettings settings,
            JobListener listener) {
        Job job = new Job(cells);
        thread.execute(() -> run(job, sampler, settings, listener));
        return job;
    }

    private void run(Job job, ImageSampler sampler, EngineSettings settings, JobListener listener) {
        Map<GenerationRequest, GenerationPlan.Cell> byRequest = new IdentityHashMap<>();
        List<GenerationRequest> requests = new ArrayList<>();
        for (GenerationPlan.Cell c : job.cells) {
            byRequest.put(c.request(), c);
            requests.add(c.request());
        }
        String problem = null;
        try {
            if (!job.isCancelled() && !requests.isEmpty()) {
                listener.progress(job, 0, 0, job.total(), describe(requests.get(0)));
                sampler.generate(requests, settings, new GenerationListener() {
                    @Override
                    public void written(GenerationRequest request, Path file) {
                        GenerationPlan.Cell cell = byRequest.get(request);
                        try {
                            store.gallery().add(cell.asSample(clock.instant()));
                        } catch (StoreAccessException e) {
                            failed(request, "made " + file + ", but the store did not take it: " + e.getMessage());
                            return;
                        }
                        job.written.incrementAndGet();
                        listener.written(job, cell);
                        next(request);
                    }

                    @Override
                    public void failed(GenerationRequest request, String reason) {
                        job.failed.incrementAndGet();
                        listener.failed(job, byRequest.get(request), reason);
                        next(request);
                    }

                    private void next(GenerationRequest finished) {
                        int i = requests.indexOf(finished);
                        String current = i + 1 < requests.size() ? describe(requests.get(i + 1)) : "";
                        listener.progress(job, job.written(), job.failed(), job.total(), current);
                    }
                }, job::isCancelled);
            }
        } catch (SamplingException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            problem = "the sampler failed: " + e;
        } finally {
            listener.finished(job, job.isCancelled(), problem);
            job.done.complete(job);
        }
    }

    private static String describe(GenerationRequest r) {
        return r.checkpoint().getFileName() + (r.lora() == null ? "" : " + " + r.lora().getFileName() + " ×"
                + r.loraStrength()) + ": " + r.prompt().prompt() + " (seed " + r.prompt().seed() + ")";
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
