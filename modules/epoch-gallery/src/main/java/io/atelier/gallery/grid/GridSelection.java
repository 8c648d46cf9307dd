package io.atelier.gallery.grid;

/**
 * The selected cell of the epoch grid and the one marked for flip-compare: moves clamp at the edges, so holding an
 * arrow key never wraps to the other side. Rows are the grid's epochs in order (row 0 = the base model).
 */
public final class GridSelection {

    private int rows;
    private int columns;
    private int row;
    private int column;
    private int markedRow = -1;
    private int markedColumn = -1;

    /** A new grid shape keeps the selection where it still fits, and the mark only if it still fits. */
    public void reshape(int rows, int columns) {
        this.rows = Math.max(0, rows);
        this.columns = Math.max(0, columns);
        row = clamp(row, this.rows);
        column = clamp(column, this.columns);
        if (markedRow >= this.rows || markedColumn >= this.columns) {
            clearMark();
        }
    }

    /** @return whether the selection changed */
    public boolean move(int dRow, int dColumn) {
        return select(row + dRow, column + dColumn);
    }

    /** @return whether the selection changed */
    public boolean select(int newRow, int newColumn) {
        int r = clamp(newRow, rows);
        int c = clamp(newColumn, columns);
        boolean changed = r != row || c != column;

        row = r;
        column = c;
        return changed;
    }

    public boolean isEmpty() {
        return rows == 0 || columns == 0;
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Marks the selected cell for flip-compare; marking the marked cell again clears the mark. */
    public void toggleMark() {
        if (isEmpty()) {
            return;
        }
        if (isMarked(row, column)) {
            clearMark();
        } else {
            markedRow = row;
            markedColumn = column;
        }
    }

    public void clearMark() {
        markedRow = -1;
        markedColumn = -1;
    }

    public boolean hasMark() {
        return markedRow >= 0;
    }

    public boolean isMarked(int r, int c) {
        return r == markedRow && c == markedColumn;
    }

    public int markedRow() {
        return markedRow;
    }

    public int markedColumn() {
        return markedColumn;
    }

    private static int clamp(int v, int size) {
        return size == 0 ? 0 : Math.max(0, Math.min(size - 1, v));
    }
}
