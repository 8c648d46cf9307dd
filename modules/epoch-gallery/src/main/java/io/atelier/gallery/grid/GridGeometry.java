package io.atelier.gallery.grid;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;

/**
 * Where things are in the painted grid: a header row of column titles, a label column of epochs, square cells. Pure
 * arithmetic, so painting asks only for the cells that intersect the clip and a click maps to a cell in O(1).
 */
public record GridGeometry(int rows, int columns, int cell, int gap, int labelWidth, int headerHeight) {

    public static GridGeometry of(int rows, int columns, int cell) {
        return new GridGeometry(rows, columns, cell, 6, 110, 40);
    }

    public Dimension size() {
        return new Dimension(labelWidth + columns * (cell + gap) + gap, headerHeight + rows * (cell + gap) + gap);
    }

    public Rectangle cellBounds(int row, int column) {
        return new Rectangle(labelWidth + gap + column * (cell + gap), headerHeight + gap + row * (cell + gap), cell,
                cell);
    }

    public Rectangle rowLabelBounds(int row) {
        return new Rectangle(0, headerHeight + gap + row * (cell + gap), labelWidth, cell);
    }

    public Rectangle headerBounds(int column) {
        return new Rectangle(labelWidth + gap + column * (cell + gap), 0, cell, headerHeight);
    }

    /** The cell under a point, as {x = column, y = row}, or null between cells and outside the grid. */
    public Point cellAt(Point p) {
        int x = p.x - labelWidth - gap;
        int y = p.y - headerHeight - gap;
        if (x < 0 || y < 0) {
            return null;
        }
        int column = x / (cell + gap);
        int row = y / (cell + gap);
        if (column >= columns || row >= rows || x % (cell + gap) >= cell || y % (cell + gap) >= cell) {
            return null;
        }
        return new Point(column, row);
    }

    /** First and last row (inclusive) that a band of y values touches, clamped to the grid. */
    public int[] rowsIn(int fromY, int toY) {
        int first = Math.max(0, (fromY - headerHeight - gap) / (cell + gap));
        int last = Math.min(rows - 1, Math.max(0, (toY - headerHeight) / (cell + gap)));
        return new int[]{first, last};
    }

    /** First and last column (inclusive) that a band of x values touches, clamped to the grid. */
    public int[] columnsIn(int fromX, int toX) {
        int first = Math.max(0, (fromX - labelWidth - gap) / (cell + gap));
        int last = Math.min(columns - 1, Math.max(0, (toX - labelWidth) / (cell + gap)));
        return new int[]{first, last};
    }
}
