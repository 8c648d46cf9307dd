package io.atelier.gallery.compare;

import io.atelier.core.compare.RunLabel;
import io.atelier.core.run.RunSpecJson;
import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.swing.table.AbstractTableModel;

/** The checklist of runs to compare: a tick per run, newest first, with what tells runs apart. Event thread. */
final class RunChoiceModel extends AbstractTableModel {

    private static final String[] COLUMNS = {"", "Run", "State", "Created"};
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** A run as listed: its label is made off the event thread (it parses the spec). */
    record Choice(StoredRun run, String label) {
        static Choice of(StoredRun run) {
            Path baseModel;
            try {
                baseModel = RunSpecJson.read(run.spec()).baseModel();
            } catch (RuntimeException e) {
                baseModel = Path.of("?"); // still listed: the loader names the problem if it is chosen
            }
            return new Choice(run, RunLabel.of(run.projectFolder(), baseModel, run.id()));
        }
    }

    private final List<Choice> choices;
    private final Set<UUID> ticked = new LinkedHashSet<>();

    RunChoiceModel(List<Choice> choices) {
        this.choices = choices.stream().sorted((a, b) -> b.run().created().compareTo(a.run().created())).toList();
    }

    /** The ticked runs, oldest first: compared left to right in the order they were made. */
    List<UUID> ticked() {
        List<UUID> out = new ArrayList<>();
        choices.stream().sorted((a, b) -> a.run().created().compareTo(b.run().created())).map(c -> c.run().id())
                .filter(ticked::contains).forEach(out::add);
        return out;
    }

    void tick(UUID id, boolean on) {
        int i = indexOf(id);
        if (i >= 0) {
            setValueAt(on, i, 0);
        }
    }

    int indexOf(UUID id) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).run().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return choices.size();
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
        return column == 0 ? Boolean.class : String.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == 0;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Choice c = choices.get(row);
        return switch (column) {
            case 0 -> ticked.contains(c.run().id());
            case 1 -> c.label();
            case 2 -> c.run().state().name().charAt(0) + c.run().state().name().substring(1)
                    .toLowerCase(java.util.Locale.ROOT);
            default -> CREATED.format(c.run().created());
        };
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        if (column != 0) {
            return;
        }
        UUID id = choices.get(row).run().id();
        if (Boolean.TRUE.equals(value)) {
            ticked.add(id);
        } else {
            ticked.remove(id);
        }
        fireTableCellUpdated(row, column);
    }
}
