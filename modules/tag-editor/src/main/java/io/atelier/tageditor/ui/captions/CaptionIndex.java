package io.atelier.tageditor.ui.captions;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.caption.FileStamp;
import io.atelier.core.caption.TagStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The captions of one dataset as the Tag editor shows them. Event thread only.
 * <p>
 * Per image it keeps the version last read from or written to disk, the caption shown (which runs ahead of the disk
 * while edits are being written) and how many writes are still on their way. A caption changed by another program is
 * taken over only while none of ours is pending; otherwise the pending write meets the change as a conflict and the
 * user decides, so neither side is lost silently.
 */
public final class CaptionIndex {

    /** Told after captions changed: {@code images} null means any (a new listing). */
    @FunctionalInterface
    public interface Listener {
        void captionsChanged(Set<Path> images);
    }

    private static final class Entry {
        CaptionText disk;      // null when unreadable
        Caption shown = Caption.EMPTY;
        String problem;        // why the caption cannot be read, or null
        int pending;
    }

    private final Map<Path, Entry> entries = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private TagStatistics statistics;

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /**
     * A new listing: these images with their captions as read ({@code problems}: the ones that could not be read).
     * Images with a write on its way keep what they show.
     */
    public void replaceAll(List<Path> images, Map<Path, CaptionText> read, Map<Path, String> problems) {
        Map<Path, Entry> next = new LinkedHashMap<>();
        for (Path image : images) {
            Entry old = entries.get(image);
            if (old != null && old.pending > 0) {
                next.put(image, old);
                continue;
            }
            Entry e = new Entry();
            e.disk = read.get(image);
            e.shown = e.disk == null ? Caption.EMPTY : e.disk.caption();
            e.problem = e.disk == null ? problems.getOrDefault(image, "caption not read") : null;
            next.put(image, e);
        }
        entries.clear();
        entries.putAll(next);
        changed(null);
    }

    public List<Path> images() {
        return List.copyOf(entries.keySet());
    }

    public boolean contains(Path image) {
        return entries.containsKey(image);
    }

    /** The caption shown for {@code image}; empty when it has none or is not listed. */
    public Caption caption(Path image) {
        Entry e = entries.get(image);
        return e == null ? Caption.EMPTY : e.shown;
    }

    /** The caption as last read or written, or null when it could not be read or the image is not listed. */
    public CaptionText disk(Path image) {
        Entry e = entries.get(image);
        return e == null ? null : e.disk;
    }

    /** Why the caption cannot be read (then it is not editable), or null. */
    public String problem(Path image) {
        Entry e = entries.get(image);
        return e == null ? null : e.problem;
    }

    public boolean editable(Path image) {
        Entry e = entries.get(image);
        return e != null && e.disk != null;
    }

    /** Whether a write of this caption is still on its way. */
    public boolean pending(Path image) {
        Entry e = entries.get(image);
        return e != null && e.pending > 0;
    }

    /**
     * The user edited {@code image}'s caption: it shows {@code next} at once. Returns what the write is based on: the
     * version on disk, or null when it follows a write still on its way (the writer chains it).
     */
    public FileStamp edited(Path image, Caption next) {
        Entry e = require(image);
        FileStamp base = e.pending == 0 ? e.disk.stamp() : null;
        e.pending++;
        e.shown = next;
        changed(Set.of(image));
        return base;
    }

    /** A write that does not come from an edit (an undo, a batch) is on its way for these images. */
    public void writing(Collection<Path> images) {
        for (Path image : images) {
            Entry e = entries.get(image);
            if (e != null) {
                e.pending++;
            }
        }
    }

    /** One write for {@code now.image()} arrived (or was dropped: {@code now} null); the caption settles when none is left. */
    public void settled(Path image, CaptionText now) {
        Entry e = entries.get(image);
        if (e == null) {
            return;
        }
        e.pending = Math.max(0, e.pending - 1);
        if (now != null) {
            e.disk = now;
            e.problem = null;
        }
        if (e.pending == 0 && e.disk != null) {
            e.shown = e.disk.caption();
        }
        changed(Set.of(image));
    }

    /** The writes for these images arrived; {@code now} holds the ones read back. */
    public void settledAll(Collection<Path> images, Collection<CaptionText> now) {
        Map<Path, CaptionText> byImage = new HashMap<>();
        now.forEach(t -> byImage.put(t.image(), t));
        for (Path image : images) {
            Entry e = entries.get(image);
            if (e == null) {
                continue;
            }
            e.pending = Math.max(0, e.pending - 1);
            CaptionText t = byImage.get(image);
            if (t != null) {
                e.disk = t;
                e.problem = null;
            }
            if (e.pending == 0 && e.disk != null) {
                e.shown = e.disk.caption();
            }
        }
        changed(Set.copyOf(images));
    }

    /**
     * The user settled a conflict: {@code theirs} is on disk now, and {@code shown} is what the caption shows (their
     * version, or the user's own on its way to overwrite it).
     */
    public void resolved(CaptionText theirs, Caption shown) {
        Entry e = require(theirs.image());
        e.disk = theirs;
        e.shown = shown;
        changed(Set.of(theirs.image()));
    }

    /**
     * The caption was read again after another program may have changed it. Taken over unless a write of ours is on
     * its way; returns whether anything shown changed.
     */
    public boolean reread(CaptionText now) {
        Entry e = entries.get(now.image());
        if (e == null || e.pending > 0) {
            return false;
        }
        boolean same = e.disk != null && e.disk.stamp().equals(now.stamp()) && e.problem == null;
        e.disk = now;
        e.problem = null;
        e.shown = now.caption();
        if (!same) {
            changed(Set.of(now.image()));
        }
        return !same;
    }

    /** The caption could not be read again; it stays as shown but is no longer editable. */
    public void unreadable(Path image, String problem) {
        Entry e = entries.get(image);
        if (e != null && e.pending == 0) {
            e.disk = null;
            e.problem = problem;
            changed(Set.of(image));
        }
    }

    /** Every listed image with the caption shown, in listing order. */
    public Map<Path, Caption> captions() {
        Map<Path, Caption> m = new LinkedHashMap<>();
        entries.forEach((image, e) -> m.put(image, e.shown));
        return m;
    }

    /** Tag counts over the captions shown; made again after a change. */
    public TagStatistics statistics() {
        if (statistics == null) {
            statistics = TagStatistics.of(captions());
        }
        return statistics;
    }

    /** How many images carry each tag. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new HashMap<>();
        statistics().rows().forEach(r -> m.put(r.tag(), r.count()));
        return m;
    }

    private Entry require(Path image) {
        Entry e = entries.get(image);
        if (e == null || e.disk == null) {
            throw new IllegalStateException("no readable caption for " + image);
        }
        return e;
    }

    private void changed(Set<Path> images) {
        statistics = null;
        for (Listener l : List.copyOf(listeners)) {
            l.captionsChanged(images);
        }
    }
}
