package io.atelier.dataset.ui.grid;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads thumbnails for the cells the grid paints, never on the event thread. Requests are served newest first, so
 * the cells on screen now win over the ones scrolled past, and requests for cells that left the screen are dropped.
 * Loaded thumbnails are scaled to the cell size in the background and kept in a memory-bounded LRU; a file that
 * cannot be read is remembered with its reason instead of being tried again on every paint.
 * <p>
 * Threads: {@link #peek}, {@link #request}, {@link #failure}, {@link #setLongSide} on the event thread (the
 * {@code deliver} executor's thread); loading on the {@code workers} executor, whose own limit sets the parallelism.
 */
public final class ThumbnailLoader {

    /** Where full thumbnails come from (the content-keyed disk cache in production). Called on worker threads. */
    @FunctionalInterface
    public interface Source {
        BufferedImage thumbnail(Path file) throws IOException;
    }

    /** A loaded thumbnail and the long side it was scaled for. */
    public record Entry(BufferedImage image, int longSide) {
    }

    private static final Logger LOG = Logger.getLogger(ThumbnailLoader.class.getName());
    private static final int MAX_REMEMBERED_FAILURES = 10_000;

    private final Source source;
    private final Executor workers;
    private final Executor deliver;
    private final Consumer<DatasetImage> loaded;
    private final ImageLru<DatasetImage, Entry> memory;
    private final Map<DatasetImage, String> failures = new HashMap<>();
    private final Object lock = new Object();
    private final Deque<DatasetImage> pending = new ArrayDeque<>();   // guarded by lock
    private final Set<DatasetImage> inFlight = new HashSet<>();       // guarded by lock
    private volatile int longSide;
    private int loadedCount;

    /**
     * @param memoryBytes how much pixel memory the scaled thumbnails may hold
     * @param longSide    long side thumbnails are scaled to (the cell size)
     * @param loaded      told on the deliver thread after a thumbnail (or a failure) for an image arrived
     */
    public ThumbnailLoader(Source source, Executor workers, Executor deliver, long memoryBytes, int longSide,
            Consumer<DatasetImage> loaded) {
        this.source = source;
        this.workers = workers;
        this.deliver = deliver;
        this.loaded = loaded;
        this.memory = new ImageLru<>(memoryBytes, e -> 4L * e.image().getWidth() * e.image().getHeight());
        this.longSide = longSide;
    }

    /** The thumbnail in memory, possibly scaled for another cell size; null when none. Cheap: call while painting. */
    public Entry peek(DatasetImage image) {
        return memory.get(image);
    }

    /** Why the image has no thumbnail, or null when it has one or is still loading. */
    public String failure(DatasetImage image) {
        return failures.get(image);
    }

    /**
     * Asks for the thumbnail of {@code image} at the current size, unless it is in memory at that size, failed before,
     * or is already being made. Cheap: call while painting.
     */
    public void request(DatasetImage image) {
        Entry e = memory.get(image);
        if ((e != null && e.longSide() == longSide) || failures.containsKey(image)) {
            return;
        }
        synchronized (lock) {
            if (inFlight.contains(image)) {
                return;
            }
            // asked again means it is on screen now: it moves to the front
            pending.remove(image);
            pending.addFirst(image);
        }
        workers.execute(this::loadNewest);
    }

    /** Drops the requests for images not in {@code wanted} (cells that scrolled out of view). */
    public void retainOnly(Set<DatasetImage> wanted) {
        synchronized (lock) {
            pending.removeIf(i -> !wanted.contains(i));
        }
    }

    /** The cell size changed: thumbnails are made again at this long side as cells ask for them. */
    public void setLongSide(int px) {
        longSide = px;
    }

    public int longSide() {
        return longSide;
    }

    /** How many thumbnails have arrived since this loader was made; a gauge for tests and benchmarks. */
    public int loadedCount() {
        return loadedCount;
    }

    /** Requests waiting or being loaded; a gauge for tests and benchmarks. */
    public int pendingCount() {
        synchronized (lock) {
            return pending.size() + inFlight.size();
        }
    }

    /** One worker step: the newest request, if any is left (one step runs per request, so none is forgotten). */
    private void loadNewest() {
        DatasetImage image;
        synchronized (lock) {
            image = pending.pollFirst();
            if (image == null) {
                return;
            }
            inFlight.add(image);
        }
        int side = longSide;
        try {
            BufferedImage scaled = ThumbnailScaler.toLongSide(source.thumbnail(image.file()), side);
            deliver.execute(() -> {
                done(image);
                memory.put(image, new Entry(scaled, side));
                loadedCount++;
                loaded.accept(image);
            });
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            LOG.log(Level.FINE, "no thumbnail for " + image.file(), e);
            deliver.execute(() -> {
                done(image);
                if (failures.size() >= MAX_REMEMBERED_FAILURES) {
                    failures.clear();
                }
                failures.put(image, reason);
                loaded.accept(image);
            });
        }
    }

    private void done(DatasetImage image) {
        synchronized (lock) {
            inFlight.remove(image);
        }
    }
}
