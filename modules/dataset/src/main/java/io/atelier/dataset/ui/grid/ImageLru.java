package io.atelier.dataset.ui.grid;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Least-recently-used values bounded by their memory, not their number: 2,000 thumbnails at the largest cell size
 * would take half a gigabyte, so only what was seen lately stays; the rest comes back from the disk cache.
 * Not thread-safe: the loader touches it on the event thread only.
 */
final class ImageLru<K, V> {

    private final long maxBytes;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    ImageLru(long maxBytes, ToLongFunction<V> weigher) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.weigher = weigher;
    }

    /** The value, marked as just used; null when absent. */
    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        V old = entries.put(key, value);
        if (old != null) {
            bytes -= weigher.applyAsLong(old);
        }
        bytes += weigher.applyAsLong(value);
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        // the newest entry always stays, even alone over the limit
        while (bytes > maxBytes && entries.size() > 1 && eldest.hasNext()) {
            Map.Entry<K, V> e = eldest.next();
            bytes -= weigher.applyAsLong(e.getValue());
            eldest.remove();
        }
    }

    void clear() {
        entries.clear();
        bytes = 0;
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }
}
