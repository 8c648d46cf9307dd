package io.atelier.core.caption;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Every tag of a dataset with the number and share of images that carry it, most used first. */
public final class TagStatistics {

    private final List<TagCount> rows;
    private final Map<String, TagCount> byTag = new HashMap<>();
    private final int images;

    private TagStatistics(List<TagCount> rows, int images) {
        this.rows = List.copyOf(rows);
        this.images = images;
        rows.forEach(r -> byTag.put(r.tag(), r));
    }

    public static TagStatistics of(Map<Path, Caption> captions) {
        Map<String, Integer> counts = new HashMap<>();
        for (Caption c : captions.values()) {
            for (String tag : new LinkedHashSet<>(c.tags())) { // a tag twice in one caption counts once
                counts.merge(tag, 1, Integer::sum);
            }
        }
        int images = captions.size();
        List<TagCount> rows = new ArrayList<>();
        counts.forEach((tag, n) -> rows.add(new TagCount(tag, n, images == 0 ? 0 : (double) n / images)));
        rows.sort(Comparator.comparingInt(TagCount::count).reversed().thenComparing(TagCount::tag));
        return new TagStatistics(rows, images);
    }

    public List<TagCount> rows() {
        return rows;
    }

    public int images() {
        return images;
    }

    /** Images carrying {@code tag}; 0 when no caption has it. */
    public int count(String tag) {
        TagCount row = byTag.get(tag);
        return row == null ? 0 : row.count();
    }
}
