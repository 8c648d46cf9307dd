package io.atelier.trainingrun.runs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.swing.table.AbstractTableModel;

/** The runs table: the rows the filter lets through, newest first. Event thread. */
public final class RunTableModel extends AbstractTableModel {

    static final String[] COLUMNS = {"Project", "State", "Base model", "Engine", "Step", "Epoch", "Best",
        "Started", "Duration", "Reason"};
    /** The epoch picked as best in the gallery. */
    static final int BEST = 6;
    /** The column whose cells are the run's failure or stop reason. */
    static final int REASON = 9;
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private List<RunRow> rows = List.of();
    private Instant now = Instant.now();

    public void setRows(List<RunRow> rows, Instant now) {
        this.rows = List.copyOf(rows);
        this.now = now;
        fireTableDataChanged();
    }

    public RunRow row(int index) {
        return rows.get(index);
    }

    public List<RunRow> rows() {
        return rows;
    }

    public int indexOf(UUID run) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).run().id().equals(run)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
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
    public Object getValueAt(int rowIndex, int column) {
        RunRow r = rows.get(rowIndex);
        return switch (column) {
            case 0 -> r.project();
            case 1 -> r.stateText();
            case 2 -> r.baseModel();
            case 3 -> r.run().engine();
            case 4 -> r.progressText();
            case 5 -> r.epochText();
            case 6 -> r.bestText();
            case 7 -> r.run().started() == null ? "" : STARTED.format(r.run().started());
            case 8 -> r.durationText(now);
            default -> r.run().reason() == null ? "" : r.run().reason();
        };
    }
}
