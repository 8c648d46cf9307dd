package io.atelier.gallery;

import io.atelier.project.api.AppStore;
import io.atelier.runner.gallery.GalleryGenerator;
import io.atelier.store.StoreException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app's one {@link GalleryGenerator}: every gallery window queues on it, so two windows never sample on the GPU at
 * once. Created on first use, closed before the store closes ({@link GalleryShutdown}). Never call
 * {@link #generator()} on the event thread: it may open the store.
 */
public final class AppGallery {

    private static GalleryGenerator generator;
    private static boolean closed;
    private static final List<GalleryGenerator.Job> JOBS = new CopyOnWriteArrayList<>();

    private AppGallery() {
    }

    public static synchronized GalleryGenerator generator() throws StoreException {
        if (closed) {
            throw new IllegalStateException("LoRA Atelier is closing: gallery images cannot be generated now");
        }
        if (generator == null) {
            generator = new GalleryGenerator(AppStore.store());
        }
        return generator;
    }

    /** Remembers a job so that exit cancels it; forgotten when it is done. */
    public static void track(GalleryGenerator.Job job) {
        JOBS.add(job);
        job.done().whenComplete((j, e) -> JOBS.remove(job));
    }

    /** Cancels every job and waits briefly for the sampler to stop between steps. */
    static void close() {
        GalleryGenerator g;
        synchronized (AppGallery.class) {
            g = generator;
            closed = true;
        }
        JOBS.forEach(GalleryGenerator.Job::cancel);
        if (g != null) {
            g.close();
        }
    }
}
