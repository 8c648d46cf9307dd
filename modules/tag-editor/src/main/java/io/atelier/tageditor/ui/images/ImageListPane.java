package io.atelier.tageditor.ui.images;

import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.grid.GridModel;
import io.atelier.dataset.ui.grid.ThumbnailGrid;
import io.atelier.dataset.ui.grid.ThumbnailLoader;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.filter.TagFilter;
import java.awt.BorderLayout;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.util.NbBundle.Messages;

/**
 * The images of the dataset as thumbnails, narrowed by a tag expression typed above them ({@code blue eyes AND NOT
 * (1boy OR "black and white")}). A malformed expression is named under the field and filters nothing. The image
 * being edited stays in the list after an edit makes it stop matching, until another one is chosen, so the editor
 * never loses its image under the user's hands.
 */
@Messages({
    "LBL_Filter=Filter:",
    "HINT_Filter=Tags with AND, OR, NOT and parentheses; quotes for tags with operators, e.g. "
        + "blue eyes AND NOT (1boy OR \"black and white\")",
    "# {0} - problem",
    "LBL_FilterError=\u26a0 {0}"
})
public final class ImageListPane extends JPanel {

    private static final long serialVersionUID = 1L;
    /** The thumbnail side in this narrow list; two columns fit the default width. */
    public static final int SIDE = 96;

    private final GridModel model = new GridModel();
    private final ThumbnailGrid grid;
    private final JTextField filterField = new JTextField();
    private final JLabel filterError = new JLabel();
    private final transient CaptionIndex index;
    private final Timer typing;
    private transient TagFilter filter = TagFilter.ALL;
    private transient Path sticky;
    private transient Consumer<TagFilter> filterListener = f -> { };

    public ImageListPane(CaptionIndex index, ThumbnailLoader loader) {
        super(new BorderLayout(0, 4));
        this.index = index;
        grid = new ThumbnailGrid(model, loader, SIDE);
        grid.setName("tagImageGrid");
        filterField.setName("tagFilter");
        filterField.setToolTipText(Bundle.HINT_Filter());
        filterError.setName("tagFilterError");
        Color red = UIManager.getColor("Actions.Red");
        filterError.setForeground(red == null ? new Color(0xC0392B) : red);
        filterError.setVisible(false);
        filterError.setMinimumSize(new java.awt.Dimension(0, filterError.getPreferredSize().height));
        typing = new Timer(200, e -> applyFilterText());
        typing.setRepeats(false);
        filterField.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                typing.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                typing.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                typing.restart();
            }
        });
        filterField.addActionListener(e -> {
            typing.stop();
            applyFilterText();
        });

        JPanel top = new JPanel(new BorderLayout(6, 2));
        top.setBorder(BorderFactory.createEmptyBorder(6, 6, 0, 6));
        JLabel label = new JLabel(Bundle.LBL_Filter());
        label.setLabelFor(filterField);
        label.setDisplayedMnemonic('F');
        top.add(label, BorderLayout.WEST);
        top.add(filterField, BorderLayout.CENTER);
        top.add(filterError, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(grid);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        add(scroll, BorderLayout.CENTER);
        model.setFilter(this::shown);
    }

    public ThumbnailGrid grid() {
        return grid;
    }

    public GridModel model() {
        return model;
    }

    public JTextField filterField() {
        return filterField;
    }

    public TagFilter filter() {
        return filter;
    }

    public void onFilterChanged(Consumer<TagFilter> listener) {
        this.filterListener = listener;
    }

    /** Sets the filter text (e.g. from the statistics table) and applies it at once. */
    public void setFilterText(String text) {
        filterField.setText(text);
        typing.stop();
        applyFilterText();
    }

    private void applyFilterText() {
        TagFilter next = TagFilter.parse(filterField.getText());
        filterError.setText(next.error() == null ? "" : Bundle.LBL_FilterError(next.error()));
        filterError.setVisible(next.error() != null);
        if (next.error() != null) {
            return;   // keep showing what the last valid filter showed while the user is typing
        }
        filter = next;
        sticky = null;
        grid.preservingSelection(model::refilter);
        filterListener.accept(filter);
    }

    private boolean shown(DatasetImage image) {
        return image.file().equals(sticky) || filter.accepts(index.caption(image.file()).tags());
    }

    /** The image being edited: it stays listed even when an edit makes it stop matching. */
    public void setSticky(Path image) {
        if (sticky != null && !sticky.equals(image) && filter.active()) {
            sticky = image;
            // after the selection change that brought us here has finished notifying
            javax.swing.SwingUtilities.invokeLater(() -> grid.preservingSelection(model::refilter));
        } else {
            sticky = image;
        }
    }

    /** Captions changed: the filter is applied again. */
    public void captionsChanged() {
        if (filter.active()) {
            grid.preservingSelection(model::refilter);
        }
        grid.repaint();
    }

    /** A new listing of the dataset. */
    public void setImages(List<DatasetImage> images) {
        grid.preservingSelection(() -> model.setImages(images));
    }

    /** The images shown, in order (with the one being edited, even if it stopped matching). */
    public List<Path> shownFiles() {
        return model.shown().stream().map(DatasetImage::file).toList();
    }

    /** The images the filter matches, in order: what "filtered images" means for a batch. */
    public List<Path> matchingFiles() {
        return model.shown().stream().map(DatasetImage::file)
                .filter(f -> filter.accepts(index.caption(f).tags())).toList();
    }

    public List<Path> selectedFiles() {
        return grid.selectedImages().stream().map(DatasetImage::file).toList();
    }

    /** Moves the selection {@code by} images (next/previous), keeping it in view. */
    public void step(int by) {
        int n = model.getSize();
        if (n == 0) {
            return;
        }
        DatasetImage lead = grid.lead();
        int row = lead == null ? -1 : model.rowOf(lead.file());
        int next = row < 0 ? (by > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, row + by));
        grid.setSelectedIndex(next);
        grid.ensureIndexIsVisible(next);
    }
}
