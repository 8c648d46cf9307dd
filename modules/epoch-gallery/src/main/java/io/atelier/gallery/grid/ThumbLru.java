package io.atelier.gallery.grid;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thumbnails in memory, least recently painted dropped first, each with the generation it was checked in (see
 * {@link ThumbnailLoader#recheck()}); confined to the event thread.
 */
final class ThumbLru {

    record Entry(Thumb thumb, int generation) {
    }

    private final Map<Path, Entry> map;

    ThumbLru(int capacity) {
        this.map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    Entry get(Path file) {
        return map.get(file);
    }

    void put(Path file, Thumb thumb, int generation) {
        map.put(file, new Entry(thumb, generation));
    }

    int size() {
        return map.size();
    }
}
