package io.atelier.gallery.grid;

import io.atelier.imaging.decode.ImageDecoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.util.RequestProcessor;

/**
 * The grid's thumbnails: the renderer asks with {@link #get}, which never touches the disk; files are decoded on
 * "Gallery thumbnails" threads, newest request first, requests for cells no longer in view dropped, and each result
 * handed back on the event thread. Cached by file; a file rewritten since (another mtime or size) is decoded again
 * after {@link #recheck()}.
 */
public final class ThumbnailLoader {

    private static final Logger LOG = Logger.getLogger(ThumbnailLoader.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Gallery thumbnails",
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    private final int size;
    private final ThumbLru cache = new ThumbLru(600);
    private final Deque<Request> pending = new ArrayDeque<>(); // guarded by itself; newest last
    private final Set<Path> queued = new HashSet<>();          // guarded by pending
    private final BiConsumer<Path, Thumb> delivered;
    private volatile Predicate<Path> wanted = p -> true;
    private int generation; // event thread

    private record Request(Path file, ThumbKey known, int generation) {
    }

    /** @param delivered called on the event thread with each thumbnail made */
    public ThumbnailLoader(int size, BiConsumer<Path, Thumb> delivered) {
        this.size = size;
        this.delivered = delivered;
    }

    /** Files still worth decoding (those in view); the rest are dropped when their turn comes. */
    public void setWanted(Predicate<Path> wanted) {
        this.wanted = wanted;
    }

    /**
     * On the event thread: the cached thumbnail or {@link Thumb#LOADING}. One from before the last {@link #recheck()}
     * is still returned while its file is checked again, so the grid does not flicker.
     */
    public Thumb get(Path file) {
        ThumbLru.Entry e = cache.get(file);
        if (e == null || e.generation() != generation) {
            request(new Request(file, e == null ? null : e.thumb().key(), generation));
        }
        return e == null ? Thumb.LOADING : e.thumb();
    }

    /** The files may have changed (images generated again): each is checked (mtime, size) when next painted. */
    public void recheck() {
        generation++;
    }

    private void request(Request r) {
        synchronized (pending) {
            if (!queued.add(r.file())) {
                return;
            }
            pending.addLast(r);
        }
        RP.post(this::loadNext);
    }

    private void loadNext() {
        Request r;
        synchronized (pending) {
            r = pending.pollLast();
            if (r == null) {
                return;
            }
            queued.remove(r.file());
        }
        if (!wanted.test(r.file())) {
            return;
        }
        Optional<ThumbKey> now = ThumbKey.of(r.file());
        boolean unchanged = r.known() != null && now.isPresent() && now.get().equals(r.known());
        Thumb t = unchanged ? null : load(r.file(), size);
        SwingUtilities.invokeLater(() -> {
            ThumbLru.Entry e = cache.get(r.file());
            if (t == null && e == null) { // dropped from memory meanwhile: decode it after all
                request(new Request(r.file(), null, generation));
                return;
            }
            Thumb shown = t != null ? t : e.thumb();
            cache.put(r.file(), shown, r.generation());
            if (t != null) {
                delivered.accept(r.file(), shown);
            }
        });
    }

    /** Decodes and scales to fit {@code size}; a problem becomes the cell's text, never an exception. */
    static Thumb load(Path file, int size) {
        Optional<ThumbKey> key = ThumbKey.of(file);
        if (key.isEmpty()) {
            return new Thumb(null, null, "file missing");
        }
        try {
            BufferedImage full = new ImageDecoder().decode(file, size);
            return new Thumb(key.get(), scale(full, size), null);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Gallery thumbnail of {0} not made: {1}", new Object[]{file, e.getMessage()});
            return new Thumb(key.get(), null, "unreadable");
        }
    }

    /** Halving steps then one bilinear step: smooth enough for a thumbnail, far cheaper than a Lanczos pass. */
    static BufferedImage scale(BufferedImage src, int size) {
        double f = Math.min(1.0, (double) size / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage img = src;
        while (img.getWidth() / 2 >= w && img.getHeight() / 2 >= h) {
            img = draw(img, img.getWidth() / 2, img.getHeight() / 2);
        }
        return img.getWidth() == w && img.getHeight() == h && img.getType() == BufferedImage.TYPE_INT_RGB ? img
                : draw(img, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    int cached() {
        return cache.size();
    }
}
