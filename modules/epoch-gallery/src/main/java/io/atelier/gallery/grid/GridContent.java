package io.atelier.gallery.grid;

import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.Rating;
import io.atelier.core.gallery.SampleImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the grid shows: the run's grid on one base model, its best epoch and the ratings, indexed for painting.
 *
 * @param bestEpoch null when none is picked
 */
public record GridContent(EpochGrid grid, Integer bestEpoch, Map<Long, Rating> ratings) {

    public static GridContent of(EpochGrid grid, Integer bestEpoch, List<Rating> ratings) {
        Map<Long, Rating> byCell = new HashMap<>();
        ratings.forEach(r -> byCell.put(key(r.epoch(), r.promptIndex()), r));
        return new GridContent(grid, bestEpoch, Map.copyOf(byCell));
    }

    public int rows() {
        return grid.epochs().size();
    }

    public int columns() {
        return grid.columns().size();
    }

    public int epoch(int row) {
        return grid.epochs().get(row);
    }

    public EpochGrid.Column column(int column) {
        return grid.columns().get(column);
    }

    public Optional<SampleImage> cell(int row, int column) {
        return grid.cell(epoch(row), column);
    }

    /** The rating of a cell (by its prompt), or of the whole epoch with {@link Rating#WHOLE_EPOCH}. */
    public Optional<Rating> rating(int epoch, int promptIndex) {
        return Optional.ofNullable(ratings.get(key(epoch, promptIndex)));
    }

    public boolean isBest(int row) {
        return bestEpoch != null && bestEpoch == epoch(row);
    }

    /** The row of an epoch, or -1. */
    public int rowOf(int epoch) {
        return grid.epochs().indexOf(epoch);
    }

    public static String rowLabel(int epoch) {
        return epoch == 0 ? "base model" : "epoch " + epoch;
    }

    /** The column's title: the prompt, or the LoRA strength of one prompt. */
    public String columnTitle(int column) {
        EpochGrid.Column c = column(column);
        return grid.axis() == EpochGrid.Axis.STRENGTH ? "× " + c.strength() : "#" + c.promptIndex() + " " + c.prompt();
    }

    private static long key(int epoch, int promptIndex) {
        return ((long) epoch << 32) | (promptIndex & 0xffffffffL);
    }
}
