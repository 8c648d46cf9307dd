package io.atelier.gallery.compare;

import io.atelier.core.compare.RunComparison;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/**
 * The parameter diff: only what differs between the runs, one column per run, then a heading row and how each run
 * ended. Event thread.
 */
public final class DiffTableModel extends AbstractTableModel {

    /** The heading between the differences and the results. */
    public static final String RESULTS = "\u2014 results \u2014";
    /** Shown when every parameter is the same. */
    public static final String SAME = "(every parameter is the same)";

    private List<String> labels = List.of();
    private List<RunComparison.Row> rows = List.of();
    private int differences;

    public void show(RunComparison comparison) {
        labels = comparison.labels();
        List<RunComparison.Row> all = new ArrayList<>(comparison.differences());
        differences = all.size();
        if (all.isEmpty()) {
            all.add(new RunComparison.Row(SAME, labels.stream().map(l -> "").toList()));
        }
        all.add(new RunComparison.Row(RESULTS, labels.stream().map(l -> "").toList()));
        all.addAll(comparison.results());
        rows = List.copyOf(all);
        fireTableStructureChanged();
    }

    /** How many rows are differences (not the results). */
    public int differences() {
        return differences;
    }

    public boolean heading(int row) {
        String name = rows.get(row).name();
        return RESULTS.equals(name) || SAME.equals(name);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 1 + labels.size();
    }

    @Override
    public String getColumnName(int column) {
        return column == 0 ? "Parameter" : labels.get(column - 1);
    }

    @Override
    public Object getValueAt(int row, int column) {
        RunComparison.Row r = rows.get(row);
        return column == 0 ? r.name() : r.values().get(column - 1);
    }
}
