package io.atelier.dataset.ui.grid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.swing.AbstractListModel;

/**
 * The images the grid shows: the whole listing narrowed by a filter. Event thread only. Finding an image's row is a
 * map lookup, so a thumbnail that arrives repaints just its own cell even with thousands of images.
 */
public final class GridModel extends AbstractListModel<DatasetImage> {

    private static final long serialVersionUID = 1L;

    private List<DatasetImage> all = List.of();
    private List<DatasetImage> shown = List.of();
    private transient Predicate<DatasetImage> filter = i -> true;
    private final Map<Path, Integer> rows = new HashMap<>();

    /** Replaces the listing; the filter stays. */
    public void setImages(List<DatasetImage> images) {
        all = List.copyOf(images);
        apply();
    }

    /** Shows only the images that pass {@code accepts}; re-applied when the listing changes. */
    public void setFilter(Predicate<DatasetImage> accepts) {
        filter = accepts;
        apply();
    }

    /** Runs the filter again after what it depends on changed (a new quality report, a kept finding). */
    public void refilter() {
        apply();
    }

    private void apply() {
        int before = shown.size();
        List<DatasetImage> next = new ArrayList<>();
        for (DatasetImage image : all) {
            if (filter.test(image)) {
                next.add(image);
            }
        }
        if (before > 0) {
            shown = List.of();
            rows.clear();
            fireIntervalRemoved(this, 0, before - 1);
        }
        shown = List.copyOf(next);
        for (int i = 0; i < shown.size(); i++) {
            rows.put(shown.get(i).file(), i);
        }
        if (!shown.isEmpty()) {
            fireIntervalAdded(this, 0, shown.size() - 1);
        }
    }

    /** Every listed image, filtered out or not. */
    public List<DatasetImage> all() {
        return all;
    }

    /** The images shown, in order. */
    public List<DatasetImage> shown() {
        return shown;
    }

    /** Row of the image with this file, or -1 when it is not shown. */
    public int rowOf(Path file) {
        Integer row = rows.get(file);
        return row == null ? -1 : row;
    }

    @Override
    public int getSize() {
        return shown.size();
    }

    @Override
    public DatasetImage getElementAt(int index) {
        return shown.get(index);
    }
}
