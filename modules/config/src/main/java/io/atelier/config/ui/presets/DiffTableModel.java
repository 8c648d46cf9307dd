package io.atelier.config.ui.presets;

import io.atelier.config.ui.sheet.ParamTableModel;
import io.atelier.core.params.ParamChange;
import io.atelier.core.params.TrainingConfig;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** Only the parameters that differ between two configurations: section, parameter, old → new. */
public final class DiffTableModel extends AbstractTableModel {

    private static final String[] COLUMNS = {"Section", "Parameter", "Old", "New"};
    private List<ParamChange> changes = List.of();

    /** Shows what changes from {@code older} to {@code newer}; either null shows nothing. */
    public void compare(TrainingConfig older, TrainingConfig newer) {
        changes = older == null || newer == null ? List.of() : older.diff(newer);
        fireTableDataChanged();
    }

    public List<ParamChange> changes() {
        return changes;
    }

    @Override
    public int getRowCount() {
        return changes.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        ParamChange c = changes.get(row);
        return switch (column) {
            case 0 -> c.param().section().title();
            case 1 -> c.param().label() + " (" + c.key() + ")";
            case 2 -> ParamTableModel.format(c.before());
            default -> ParamTableModel.format(c.after());
        };
    }
}
