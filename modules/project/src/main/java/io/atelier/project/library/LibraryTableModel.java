package io.atelier.project.library;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle.Messages;

/** The LoRA Library's columns over a list of {@link LibraryEntry}. */
@Messages({
    "COL_Name=Name", "COL_Trigger=Trigger", "COL_Kind=Kind", "COL_BaseModel=Base model", "COL_Images=Images",
    "COL_Captioned=Captioned", "COL_Runs=Runs", "COL_LastRun=Last run", "COL_BestEpoch=Best epoch",
    "COL_Folder=Folder", "COL_Status=Status",
    "STATE_OK=OK", "STATE_MISSING=Missing", "STATE_BROKEN=Unreadable", "VAL_NoRuns=No runs", "VAL_None=\u2014"
})
final class LibraryTableModel extends AbstractTableModel {

    static final int NAME = 0;
    static final int FOLDER = 9;
    static final int STATUS = 10;
    private static final String[] COLUMNS = {Bundle.COL_Name(), Bundle.COL_Trigger(), Bundle.COL_Kind(),
        Bundle.COL_BaseModel(), Bundle.COL_Images(), Bundle.COL_Captioned(), Bundle.COL_Runs(), Bundle.COL_LastRun(),
        Bundle.COL_BestEpoch(), Bundle.COL_Folder(), Bundle.COL_Status()};
    private static final Class<?>[] TYPES = {String.class, String.class, String.class, String.class, Integer.class,
        Integer.class, Integer.class, String.class, String.class, String.class, String.class};

    private List<LibraryEntry> entries = new ArrayList<>();

    void setEntries(List<LibraryEntry> newEntries) {
        entries = new ArrayList<>(newEntries);
        fireTableDataChanged();
    }

    LibraryEntry entryAt(int modelRow) {
        return entries.get(modelRow);
    }

    List<LibraryEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public int getRowCount() {
        return entries.size();
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
    public Class<?> getColumnClass(int column) {
        return TYPES[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        LibraryEntry e = entries.get(row);
        boolean ok = e.ok();
        return switch (column) {
            case 0 -> e.project().name();
            case 1 -> e.project().triggerWord();
            case 2 -> e.project().kind().displayName();
            case 3 -> e.project().baseModelFamily().displayName();
            case 4 -> ok ? e.check().stats().images() : null;
            case 5 -> ok ? e.check().stats().captioned() : null;
            case 6 -> ok ? e.check().stats().runs() : null;
            // run states are recorded by the training-run module
            case 7 -> ok && e.check().stats().runs() == 0 ? Bundle.VAL_NoRuns() : Bundle.VAL_None();
            case 8 -> e.bestEpoch() == null ? Bundle.VAL_None() : e.bestEpoch();
            case 9 -> e.registered().folder().toString();
            case 10 -> switch (e.check().state()) {
                case OK -> Bundle.STATE_OK();
                case MISSING -> Bundle.STATE_MISSING();
                case BROKEN -> Bundle.STATE_BROKEN();
            };
            default -> throw new IndexOutOfBoundsException(column);
        };
    }
}
