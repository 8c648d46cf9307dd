package io.atelier.dataset.ui.grid;

import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.swing.JList;
import javax.swing.JViewport;
import javax.swing.ListSelectionModel;
import javax.swing.event.ChangeListener;

/**
 * The dataset's images as a grid of thumbnails. A {@link JList} with a wrapping layout and fixed cell sizes:
 * only the visible cells are ever laid out or painted, which keeps it smooth with thousands of images; arrow keys,
 * Shift/Ctrl selection, Home/End and Page Up/Down come with it.
 */
public final class ThumbnailGrid extends JList<DatasetImage> {

    private static final long serialVersionUID = 1L;
    /** Client property with the number of thumbnails delivered so far (an Integer), for tests and benchmarks. */
    public static final String LOADED_PROPERTY = "atelier.thumbnailsLoaded";

    private final GridModel gridModel;
    private final transient ThumbnailLoader loader;
    private final ThumbnailCell cell;
    private transient CellDecorations decorations = CellDecorations.NONE;
    private final transient ChangeListener scrolled = e -> dropRequestsOutOfView();

    public ThumbnailGrid(GridModel model, ThumbnailLoader loader, int imageSide) {
        super(model);
        this.gridModel = model;
        this.loader = loader;
        this.cell = new ThumbnailCell(loader, imageSide);
        setCellRenderer(cell);
        setLayoutOrientation(HORIZONTAL_WRAP);
        setVisibleRowCount(-1);
        setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        setImageSide(imageSide, false);
        setToolTipText("");   // registers with the tool-tip manager; the text comes per cell
    }

    /** Cell size in pixels for the image square; {@code adjusting} while a slider is dragged (no reloads yet). */
    public void setImageSide(int side, boolean adjusting) {
        cell.setImageSide(side);
        FontMetrics fm = getFontMetrics(getFont());
        setFixedCellWidth(cell.cellWidth());
        setFixedCellHeight(cell.cellHeight(fm));
        if (!adjusting) {
            loader.setLongSide(side);
        }
        repaint();
    }

    public void setDecorations(CellDecorations decorations) {
        this.decorations = decorations;
        cell.setDecorations(decorations);
        repaint();
    }

    public CellDecorations decorations() {
        return decorations;
    }

    public GridModel gridModel() {
        return gridModel;
    }

    /** A thumbnail arrived: repaint its cell only, if it is still shown. */
    public void thumbnailArrived(DatasetImage image) {
        putClientProperty(LOADED_PROPERTY, loader.loadedCount());
        int row = gridModel.rowOf(image.file());
        if (row >= 0 && gridModel.getElementAt(row).equals(image)) {
            Rectangle r = getCellBounds(row, row);
            if (r != null) {
                repaint(r);
            }
        }
    }

    /** The selected images in grid order. */
    public List<DatasetImage> selectedImages() {
        return new ArrayList<>(getSelectedValuesList());
    }

    /** Selects the images with these files that are shown; the first becomes the lead and is scrolled to. */
    public void select(List<Path> files) {
        select(files, files.isEmpty() ? null : files.get(0));
        int lead = getLeadSelectionIndex();
        if (lead >= 0) {
            ensureIndexIsVisible(lead);
        }
    }

    /** Selects the shown images among {@code files}, with the one of {@code leadFile} as the lead. No scrolling. */
    private void select(List<Path> files, Path leadFile) {
        List<Integer> rows = new ArrayList<>();
        for (Path f : files) {
            int row = gridModel.rowOf(f);
            if (row >= 0) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            clearSelection();
            return;
        }
        int leadRow = leadFile == null ? -1 : gridModel.rowOf(leadFile);
        setSelectedIndices(rows.stream().mapToInt(Integer::intValue).toArray());
        if (leadRow >= 0 && rows.contains(leadRow)) {
            addSelectionInterval(leadRow, leadRow);   // makes it anchor and lead without changing the selection
        }
    }

    /**
     * Runs {@code change} (a new filter, a new listing) and selects the same files afterwards, where still shown,
     * with the same lead: the model replaces its rows, which would otherwise clear the selection.
     */
    public void preservingSelection(Runnable change) {
        List<Path> files = selectedImages().stream().map(DatasetImage::file).toList();
        int lead = getLeadSelectionIndex();
        Path leadFile = lead >= 0 && lead < gridModel.getSize() && isSelectedIndex(lead)
                ? gridModel.getElementAt(lead).file() : null;
        change.run();
        select(files, leadFile);
    }

    /** The image whose details are shown: the lead of the selection, or the first selected. */
    public DatasetImage lead() {
        int lead = getLeadSelectionIndex();
        if (lead >= 0 && lead < gridModel.getSize() && isSelectedIndex(lead)) {
            return gridModel.getElementAt(lead);
        }
        return getSelectedValue();
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int row = locationToIndex(e.getPoint());
        if (row < 0 || !getCellBounds(row, row).contains(e.getPoint())) {
            return null;
        }
        DatasetImage image = gridModel.getElementAt(row);
        StringBuilder tip = new StringBuilder("<html><b>").append(escape(image.name())).append("</b>");
        String failure = loader.failure(image);
        if (failure != null) {
            tip.append("<br>").append(escape(failure));
        }
        for (Badge b : decorations.badges(image)) {
            tip.append("<br>").append(escape(b.tooltip()));
        }
        return tip.toString();
    }

    @Override
    public void addNotify() {
        super.addNotify();
        if (getParent() instanceof JViewport viewport) {
            viewport.addChangeListener(scrolled);
        }
    }

    @Override
    public void removeNotify() {
        if (getParent() instanceof JViewport viewport) {
            viewport.removeChangeListener(scrolled);
        }
        super.removeNotify();
    }

    /** Cells scrolled out of view no longer need their thumbnails; the ones in view ask again as they paint. */
    private void dropRequestsOutOfView() {
        int first = getFirstVisibleIndex();
        int last = getLastVisibleIndex();
        Set<DatasetImage> visible = new HashSet<>();
        if (first >= 0) {
            for (int i = first; i <= last; i++) {
                visible.add(gridModel.getElementAt(i));
            }
        }
        loader.retainOnly(visible);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
