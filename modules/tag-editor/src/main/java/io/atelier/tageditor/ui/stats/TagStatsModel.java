package io.atelier.tageditor.ui.stats;

import io.atelier.core.caption.TagCount;
import io.atelier.core.caption.TagStatistics;
import io.atelier.tageditor.ui.complete.Vocabulary;
import io.atelier.tagger.model.TagCategory;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle.Messages;

/** Every tag of the dataset: how many images carry it, their share, and the tagger's category where known. */
@Messages({
    "COL_Tag=Tag",
    "COL_Count=Images",
    "COL_Share=Share",
    "COL_Category=Category"
})
public final class TagStatsModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;

    static final int TAG = 0;
    static final int COUNT = 1;
    static final int SHARE = 2;
    static final int CATEGORY = 3;

    private transient List<TagCount> rows = List.of();
    private transient Vocabulary vocabulary = Vocabulary.EMPTY;

    public void set(TagStatistics statistics, Vocabulary vocabulary) {
        this.rows = statistics.rows();
        this.vocabulary = vocabulary;
        fireTableDataChanged();
    }

    public TagCount row(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 4;
    }

    @Override
    public String getColumnName(int column) {
        return switch (column) {
            case TAG -> Bundle.COL_Tag();
            case COUNT -> Bundle.COL_Count();
            case SHARE -> Bundle.COL_Share();
            default -> Bundle.COL_Category();
        };
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (column) {
            case COUNT -> Integer.class;
            case SHARE -> Double.class;
            default -> String.class;
        };
    }

    @Override
    public Object getValueAt(int row, int column) {
        TagCount r = rows.get(row);
        return switch (column) {
            case TAG -> r.tag();
            case COUNT -> r.count();
            case SHARE -> r.share();
            default -> category(vocabulary.category(r.tag()));
        };
    }

    /** "general", "character", "rating", "other"; empty when the tagger does not know the tag. */
    static String category(TagCategory c) {
        return c == null ? "" : c.name().toLowerCase(Locale.ROOT);
    }
}
