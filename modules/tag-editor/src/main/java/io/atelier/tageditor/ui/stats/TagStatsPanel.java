package io.atelier.tageditor.ui.stats;

import io.atelier.core.caption.TagStatistics;
import io.atelier.tageditor.ui.complete.Vocabulary;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.SortOrder;
import javax.swing.SwingConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import org.openide.util.NbBundle.Messages;

/**
 * The tag statistics tab: a sortable table of every tag with its count, share of images and the tagger's category,
 * with a search box. Double-click (or Enter, or Select Images) selects every image with the tag in the list;
 * Add to Filter narrows the image list to them.
 */
@Messages({
    "LBL_FindTag=Find:",
    "BTN_SelectImages=Select Images",
    "HINT_SelectImages=Select every image whose caption has the tag (double-click, Enter)",
    "BTN_AddToFilter=Add to Filter",
    "HINT_AddToFilter=Show only the images with this tag (ANDed with the filter there is)",
    "# {0} - tags", "# {1} - images",
    "LBL_StatsSummary={0,choice,0#no tags|1#1 tag|1<{0} tags} over {1,choice,0#no images|1#1 image|1<{1} images}"
})
public final class TagStatsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final TagStatsModel model = new TagStatsModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<TagStatsModel> sorter = new TableRowSorter<>(model);
    private final JTextField find = new JTextField(12);
    private final JLabel summary = new JLabel(" ");
    private final transient Consumer<String> selectImages;
    private final transient Consumer<String> addToFilter;

    /**
     * @param selectImages selects every image with the tag
     * @param addToFilter  narrows the image list to the tag
     */
    public TagStatsPanel(Consumer<String> selectImages, Consumer<String> addToFilter) {
        super(new BorderLayout(0, 4));
        this.selectImages = selectImages;
        this.addToFilter = addToFilter;
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        table.setName("tagStatistics");
        table.setRowSorter(sorter);
        sorter.setSortKeys(List.of(new javax.swing.RowSorter.SortKey(TagStatsModel.COUNT, SortOrder.DESCENDING)));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        // the numbers keep their width; the tag column takes what is left
        fixed(TagStatsModel.COUNT, 64);
        fixed(TagStatsModel.SHARE, 64);
        fixed(TagStatsModel.CATEGORY, 76);
        table.getColumnModel().getColumn(TagStatsModel.TAG).setPreferredWidth(160);
        table.getColumnModel().getColumn(TagStatsModel.SHARE).setCellRenderer(new ShareRenderer());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && table.rowAtPoint(e.getPoint()) >= 0) {
                    withSelectedTag(selectImages);
                }
            }
        });
        table.getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0),
                "selectImages");
        table.getActionMap().put("selectImages", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                withSelectedTag(selectImages);
            }
        });
        find.setName("tagStatisticsFind");
        find.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFind();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFind();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFind();
            }
        });

        JPanel top = new JPanel(new BorderLayout(6, 0));
        JLabel findLabel = new JLabel(Bundle.LBL_FindTag());
        findLabel.setLabelFor(find);
        top.add(findLabel, BorderLayout.WEST);
        top.add(find, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel bottom = new JPanel(new BorderLayout());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        buttons.add(button(Bundle.BTN_SelectImages(), Bundle.HINT_SelectImages(), selectImages));
        buttons.add(button(Bundle.BTN_AddToFilter(), Bundle.HINT_AddToFilter(), addToFilter));
        bottom.add(buttons, BorderLayout.WEST);
        bottom.add(summary, BorderLayout.SOUTH);
        add(bottom, BorderLayout.SOUTH);
    }

    private void fixed(int column, int width) {
        javax.swing.table.TableColumn c = table.getColumnModel().getColumn(column);
        c.setMinWidth(width);
        c.setPreferredWidth(width);
        c.setMaxWidth(width + 20);
    }

    private JButton button(String text, String hint, Consumer<String> action) {
        JButton b = new JButton(text);
        b.setToolTipText(hint);
        b.addActionListener(e -> withSelectedTag(action));
        return b;
    }

    /** Shows new counts, keeping the selected tag selected. */
    public void set(TagStatistics statistics, Vocabulary vocabulary) {
        String selected = selectedTag();
        model.set(statistics, vocabulary);
        summary.setText(Bundle.LBL_StatsSummary(statistics.rows().size(), statistics.images()));
        if (selected != null) {
            for (int i = 0; i < model.getRowCount(); i++) {
                if (model.row(i).tag().equals(selected)) {
                    int view = table.convertRowIndexToView(i);
                    if (view >= 0) {
                        table.setRowSelectionInterval(view, view);
                    }
                    break;
                }
            }
        }
    }

    public JTable table() {
        return table;
    }

    /** The tag of the selected row, or null. */
    public String selectedTag() {
        int view = table.getSelectedRow();
        return view < 0 ? null : model.row(table.convertRowIndexToModel(view)).tag();
    }

    private void withSelectedTag(Consumer<String> action) {
        String tag = selectedTag();
        if (tag != null) {
            action.accept(tag);
        }
    }

    private void applyFind() {
        String q = find.getText().strip().toLowerCase(Locale.ROOT);
        sorter.setRowFilter(q.isEmpty() ? null : new RowFilter<TagStatsModel, Integer>() {
            @Override
            public boolean include(Entry<? extends TagStatsModel, ? extends Integer> entry) {
                return entry.getStringValue(TagStatsModel.TAG).toLowerCase(Locale.ROOT).contains(q);
            }
        });
    }

    /** A share as a percentage with one decimal. */
    private static final class ShareRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        ShareRenderer() {
            setHorizontalAlignment(SwingConstants.RIGHT);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                int row, int column) {
            String text = value instanceof Double d ? String.format(Locale.ROOT, "%.1f %%", d * 100) : "";
            return super.getTableCellRendererComponent(table, text, selected, focus, row, column);
        }
    }
}
