package io.atelier.tageditor.ui.complete;

import io.atelier.tagger.model.TagCategory;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/** A suggestion: the tag, and on the right how many images here carry it and the tagger's post count. */
final class SuggestionRenderer extends JPanel implements ListCellRenderer<Suggestion> {

    private static final long serialVersionUID = 1L;
    private final JLabel tag = new JLabel();
    private final JLabel counts = new JLabel();

    SuggestionRenderer() {
        super(new BorderLayout(12, 0));
        setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        add(tag, BorderLayout.CENTER);
        add(counts, BorderLayout.EAST);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends Suggestion> list, Suggestion s, int index,
            boolean selected, boolean focused) {
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        tag.setForeground(fg);
        tag.setFont(list.getFont().deriveFont(s.datasetCount() > 0 ? Font.BOLD : Font.PLAIN));
        tag.setText(s.tag());
        counts.setFont(list.getFont().deriveFont(Math.max(10f, list.getFont().getSize2D() - 1)));
        Color muted = UIManager.getColor("Label.disabledForeground");
        counts.setForeground(selected ? fg : muted == null ? Color.GRAY : muted);
        counts.setText(describe(s));
        setOpaque(true);
        return this;
    }

    static String describe(Suggestion s) {
        StringBuilder b = new StringBuilder();
        if (s.datasetCount() > 0) {
            b.append(s.datasetCount()).append(s.datasetCount() == 1 ? " image" : " images");
        }
        if (s.category() != null && s.category() != TagCategory.GENERAL) {
            b.append(b.length() > 0 ? " \u00b7 " : "").append(s.category().name().toLowerCase(Locale.ROOT));
        }
        if (s.vocabularyCount() > 0) {
            b.append(b.length() > 0 ? " \u00b7 " : "").append(compact(s.vocabularyCount()));
        }
        return b.toString();
    }

    /** 1234567 → 1.2M, as booru sites show post counts. */
    static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1_000.0);
        }
        return Long.toString(n);
    }
}
