package io.atelier.config.ui.sheet;

import io.atelier.core.params.ParamDef;
import io.atelier.core.params.ParamType;
import io.atelier.core.params.Params;
import io.atelier.core.params.Section;
import io.atelier.core.params.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.table.AbstractTableModel;

/**
 * The parameter sheet: one header row per {@link Section}, then its parameters (label, value, unit). Only values are
 * editable; an edit is parsed and checked by the parameter's {@link ParamDef}, a refused one leaves the value as it
 * was and reports the definition's message. Values that differ from the preset the configuration started from are
 * marked. Event thread only.
 */
public final class ParamTableModel extends AbstractTableModel {

    public static final int LABEL = 0;
    public static final int VALUE = 1;
    public static final int UNIT = 2;

    /** A row: a section header (param null) or a parameter. */
    public record Row(Section section, ParamDef param) {
        public boolean header() {
            return param == null;
        }
    }

    /** Told about every accepted edit: the configuration before and after. */
    public interface EditListener {
        void edited(TrainingConfig before, TrainingConfig after);
    }

    private final List<Row> rows = new ArrayList<>();
    private TrainingConfig config;
    private TrainingConfig baseline;
    private EditListener editListener = (a, b) -> { };
    private Consumer<String> refusals = m -> { };

    public ParamTableModel(TrainingConfig config, TrainingConfig baseline) {
        for (Section s : Section.values()) {
            List<ParamDef> in = Params.all().stream().filter(p -> p.section() == s).toList();
            if (!in.isEmpty()) {
                rows.add(new Row(s, null));
                in.forEach(p -> rows.add(new Row(s, p)));
            }
        }
        this.config = Objects.requireNonNull(config);
        this.baseline = baseline;
    }

    public void onEdit(EditListener l) {
        editListener = l;
    }

    public void onRefused(Consumer<String> l) {
        refusals = l;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Shows {@code next} without telling the edit listener (loads, undo, fixes applied by the window). */
    public void setConfig(TrainingConfig next) {
        config = Objects.requireNonNull(next);
        fireTableRowsUpdated(0, rows.size() - 1);
    }

    /** The configuration changes are marked against; null marks nothing. */
    public void setBaseline(TrainingConfig base) {
        baseline = base;
        fireTableRowsUpdated(0, rows.size() - 1);
    }

    public Row row(int index) {
        return rows.get(index);
    }

    public int rowOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).header() && rows.get(i).param().key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the parameter of this row differs from the baseline. */
    public boolean changed(int index) {
        Row r = rows.get(index);
        return !r.header() && baseline != null && !Objects.equals(baseline.get(r.param()), config.get(r.param()));
    }

    /** The baseline's value, for the tooltip of a changed row. */
    public Object baselineValue(int index) {
        Row r = rows.get(index);
        return r.header() || baseline == null ? null : baseline.get(r.param());
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 3;
    }

    @Override
    public String getColumnName(int column) {
        return switch (column) {
            case LABEL -> "Parameter";
            case VALUE -> "Value";
            default -> "Unit";
        };
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Row r = rows.get(rowIndex);
        if (r.header()) {
            return column == LABEL ? r.section().title() : "";
        }
        return switch (column) {
            case LABEL -> r.param().label();
            case VALUE -> config.get(r.param());
            default -> r.param().unit() == null ? "" : r.param().unit();
        };
    }

    @Override
    public boolean isCellEditable(int rowIndex, int column) {
        return column == VALUE && !rows.get(rowIndex).header();
    }

    @Override
    public void setValueAt(Object value, int rowIndex, int column) {
        if (!isCellEditable(rowIndex, column)) {
            return;
        }
        String message = edit(rows.get(rowIndex).param(), value);
        if (message != null) {
            refusals.accept(message);
        }
    }

    /**
     * Applies one edit: text is parsed, other values coerced. Returns null when accepted (or unchanged), else the
     * parameter's message; the value stays as it was then.
     */
    public String edit(ParamDef param, Object value) {
        TrainingConfig before = config;
        TrainingConfig after;
        try {
            after = value instanceof String s && param.type() != ParamType.STRING && param.type() != ParamType.CHOICE
                    && param.type() != ParamType.TEXT
                    ? config.withParsed(param.key(), s) : config.with(param, value);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (after.equals(before)) {
            return null;
        }
        config = after;
        int i = rowOf(param.key());
        fireTableRowsUpdated(i, i);
        editListener.edited(before, after);
        return null;
    }

    /** A value as the sheet shows it: floats without trailing zeros, small learning rates as 1e-4. */
    public static String format(Object value) {
        if (value instanceof Double d) {
            if (d != 0 && Math.abs(d) < 1e-3) {
                String s = String.format(Locale.ROOT, "%.3e", d).replaceAll("\\.?0+e", "e");
                return s.replace("e-0", "e-");
            }
            String s = String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "");
            return s.endsWith(".") ? s + "0" : s;
        }
        return String.valueOf(value);
    }
}
