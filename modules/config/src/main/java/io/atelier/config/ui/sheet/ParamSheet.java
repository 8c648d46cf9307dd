package io.atelier.config.ui.sheet;

import io.atelier.core.params.ParamDef;
import io.atelier.core.params.ParamType;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellEditor;
import javax.swing.table.TableCellRenderer;

/**
 * The parameter table with the selected parameter's description below it. Booleans are check boxes, choices combo
 * boxes, the rest text fields; values that differ from the starting preset are bold with a "●" mark.
 */
public final class ParamSheet extends JPanel {

    private final ParamTableModel model;
    private final JTable table;
    private final JTextArea description = new JTextArea(3, 30);

    public ParamSheet(ParamTableModel model) {
        super(new BorderLayout());
        this.model = model;
        table = new JTable(model) {
            @Override
            public TableCellEditor getCellEditor(int row, int column) {
                ParamDef p = model.row(row).param();
                if (column == ParamTableModel.VALUE && p != null) {
                    return editorFor(p);
                }
                return super.getCellEditor(row, column);
            }

            @Override
            public TableCellRenderer getCellRenderer(int row, int column) {
                ParamDef p = model.row(row).param();
                if (column == ParamTableModel.VALUE && p != null && p.type() == ParamType.BOOL) {
                    return booleans;
                }
                return cells;
            }
        };
        table.setName("configSheet");
        table.setRowHeight(Math.max(table.getRowHeight(), 22));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(200);
        table.getColumnModel().getColumn(1).setPreferredWidth(160);
        table.getColumnModel().getColumn(2).setPreferredWidth(60);
        table.getSelectionModel().addListSelectionListener(e -> showDescription());

        description.setName("configDescription");
        description.setEditable(false);
        description.setLineWrap(true);
        description.setWrapStyleWord(true);
        description.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        description.setBackground(UIManager.getColor("Panel.background"));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table),
                new JScrollPane(description));
        split.setResizeWeight(0.85);
        split.setBorder(null);
        add(split, BorderLayout.CENTER);
    }

    public JTable table() {
        return table;
    }

    private void showDescription() {
        int row = table.getSelectedRow();
        if (row < 0 || model.row(row).header()) {
            description.setText("");
            return;
        }
        ParamDef p = model.row(row).param();
        StringBuilder text = new StringBuilder(p.label()).append(" — ").append(p.key()).append('\n')
                .append(p.description() == null ? "" : p.description());
        if (p.type() == ParamType.CHOICE) {
            text.append("\nOne of: ").append(String.join(", ", p.choices()));
        } else if (p.min() != null || p.max() != null) {
            text.append("\nRange: ").append(p.min() == null ? "…" : bound(p, p.min())).append(" to ")
                    .append(p.max() == null ? "…" : bound(p, p.max()));
        }
        text.append("\nDefault: ").append(ParamTableModel.format(p.defaultValue()));
        if (model.changed(row)) {
            text.append("   Preset: ").append(ParamTableModel.format(model.baselineValue(row)));
        }
        description.setText(text.toString());
        description.setCaretPosition(0);
    }

    private static String bound(ParamDef p, double v) {
        return p.type() == ParamType.INT ? String.valueOf((long) v) : ParamTableModel.format(v);
    }

    private TableCellEditor editorFor(ParamDef p) {
        return switch (p.type()) {
            case BOOL -> {
                JCheckBox box = new JCheckBox();
                box.setHorizontalAlignment(SwingConstants.LEFT);
                yield new DefaultCellEditor(box);
            }
            case CHOICE -> new DefaultCellEditor(new JComboBox<>(p.choices().toArray(String[]::new)));
            default -> new DefaultCellEditor(new JTextField()) {
                @Override
                public Component getTableCellEditorComponent(JTable t, Object value, boolean selected, int row,
                                                             int column) {
                    return super.getTableCellEditorComponent(t, value instanceof String ? value
                            : ParamTableModel.format(value), selected, row, column);
                }
            };
        };
    }

    private final TableCellRenderer booleans = new TableCellRenderer() {
        private final JCheckBox box = new JCheckBox();

        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            box.setSelected(Boolean.TRUE.equals(value));
            box.setOpaque(true);
            box.setBackground(selected ? t.getSelectionBackground() : t.getBackground());
            box.setText(model.changed(row) ? "●" : "");
            box.setForeground(CHANGED);
            return box;
        }
    };

    private static final Color CHANGED = new Color(0x1565C0);

    private final DefaultTableCellRenderer cells = new DefaultTableCellRenderer() {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            ParamTableModel.Row r = model.row(row);
            String text = column == ParamTableModel.VALUE && !r.header()
                    ? ParamTableModel.format(value).replace('\n', ' ') : String.valueOf(value);
            super.getTableCellRendererComponent(t, text, selected && !r.header(), focus && !r.header(), row,
                    column);
            setFont(t.getFont());
            setToolTipText(null);
            if (r.header()) {
                setFont(t.getFont().deriveFont(Font.BOLD));
                setBackground(UIManager.getColor("TableHeader.background"));
                setForeground(t.getForeground());
            } else if (model.changed(row) && column != ParamTableModel.UNIT) {
                setFont(t.getFont().deriveFont(Font.BOLD));
                if (!selected) {
                    setForeground(CHANGED);
                }
                if (column == ParamTableModel.LABEL) {
                    setText("● " + text);
                }
                setToolTipText("Changed from the preset's " + ParamTableModel.format(model.baselineValue(row)));
            } else if (!selected) {
                setForeground(t.getForeground());
            }
            return this;
        }
    };
}
