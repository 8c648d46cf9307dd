package io.atelier.project.basemodel;

import io.atelier.core.basemodel.BaseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle.Messages;

/** Columns of the base-model registry. */
@Messages({"COL_Name=Name", "COL_Family=Family", "COL_Size=Size", "COL_AutoV2=AutoV2", "COL_File=File"})
final class BaseModelTableModel extends AbstractTableModel {

    private static final String[] COLUMNS = {Bundle.COL_Name(), Bundle.COL_Family(), Bundle.COL_Size(),
        Bundle.COL_AutoV2(), Bundle.COL_File()};
    private List<BaseModel> models = new ArrayList<>();

    void setModels(List<BaseModel> newModels) {
        models = new ArrayList<>(newModels);
        fireTableDataChanged();
    }

    BaseModel modelAt(int row) {
        return models.get(row);
    }

    @Override
    public int getRowCount() {
        return models.size();
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
        BaseModel m = models.get(row);
        return switch (column) {
            case 0 -> m.name();
            case 1 -> m.family().displayName();
            case 2 -> String.format(Locale.ROOT, "%.2f GB", m.sizeBytes() / 1e9);
            case 3 -> m.autoV2();
            case 4 -> m.file().toString();
            default -> throw new IndexOutOfBoundsException(column);
        };
    }
}
