package io.atelier.gallery.grid;

import io.atelier.core.gallery.Rating;
import io.atelier.core.gallery.SampleImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * The epoch × prompt grid, painted directly: only the cells in the clip are drawn, thumbnails come from the
 * {@link ThumbnailLoader} (never the disk), and the column titles and epoch labels stay pinned to the top and left of
 * the view while it scrolls. The selection is shown and scrolled into view; the cell marked for flip-compare has a
 * dashed frame.
 */
public final class EpochGridView extends JComponent implements Scrollable {

    public static final int CELL = 160;

    private final GridSelection selection = new GridSelection();
    private final ThumbnailLoader thumbnails;
    private GridContent content;
    private GridGeometry geometry = GridGeometry.of(0, 0, CELL);
    private Runnable selectionListener = () -> { };
    private Runnable openListener = () -> { };
    private volatile Set<Path> inView = Set.of(); // the files of the cells last painted, for the loader's threads

    public EpochGridView() {
        thumbnails = new ThumbnailLoader(CELL, this::delivered);
        thumbnails.setWanted(this::inView);
        setFocusable(true);
        setOpaque(true);
        setToolTipText(""); // tooltips come from getToolTipText(MouseEvent)
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                Point cell = geometry.cellAt(e.getPoint());
                if (cell != null) {
                    select(cell.y, cell.x);
                    if (e.getClickCount() == 2) {
                        openListener.run();
                    }
                }
            }
        };
        addMouseListener(mouse);
    }

    /** Shows new content; the selection stays on the same row and column where they still exist. */
    public void setContent(GridContent content) {
        this.content = content;
        geometry = GridGeometry.of(content.rows(), content.columns(), CELL);
        selection.reshape(content.rows(), content.columns());
        thumbnails.recheck();
        revalidate();
        repaint();
        fireSelection();
    }

    public GridContent content() {
        return content;
    }

    public GridSelection selection() {
        return selection;
    }

    /** Thumbnails in memory (for tests). */
    int loadedThumbnails() {
        return thumbnails.cached();
    }

    public GridGeometry geometry() {
        return geometry;
    }

    public void onSelectionChanged(Runnable r) {
        selectionListener = r;
    }

    public void onOpen(Runnable r) {
        openListener = r;
    }

    /**
     * Moves the selection. (Not {@code move(int, int)}: that is AWT's old name for {@code setLocation}, which
     * scrolling calls on the view, and overriding it moved the selection by pixels.)
     */
    public void moveSelection(int dRow, int dColumn) {
        if (selection.move(dRow, dColumn)) {
            selectionMoved();
        }
    }

    public void select(int row, int column) {
        if (selection.select(row, column)) {
            selectionMoved();
        }
    }

    public void toggleMark() {
        selection.toggleMark();
        repaint();
    }

    /** The selected cell's image, if it has one. */
    public Optional<SampleImage> selectedImage() {
        return content == null || selection.isEmpty() ? Optional.empty()
                : content.cell(selection.row(), selection.column());
    }

    public Optional<SampleImage> markedImage() {
        return content == null || !selection.hasMark() ? Optional.empty()
                : content.cell(selection.markedRow(), selection.markedColumn());
    }

    private void selectionMoved() {
        Rectangle r = geometry.cellBounds(selection.row(), selection.column());
        // the pinned titles cover the top and left edge of the view: keep the cell clear of them
        r.add(new Point(r.x - geometry.labelWidth() - geometry.gap(), r.y - geometry.headerHeight() - geometry.gap()));
        r.add(new Point(r.x + r.width + geometry.gap(), r.y + r.height + geometry.gap()));
        scrollRectToVisible(r);
        repaint();
        fireSelection();
    }

    private void fireSelection() {
        putClientProperty("selection", selection.isEmpty() ? null : new Point(selection.column(), selection.row()));
        selectionListener.run();
    }

    private void delivered(Path file, Thumb t) {
        repaint(); // cheap: only the cells in view are painted, from memory
    }

    private boolean inView(Path file) {
        return inView.contains(file);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        // pinned titles are painted relative to the view; blitting would smear them
        if (getParent() instanceof JViewport v) {
            v.setScrollMode(JViewport.SIMPLE_SCROLL_MODE);
        }
    }

    @Override
    public Dimension getPreferredSize() {
        return geometry.size();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            paintGrid(g, g.getClipBounds() == null ? new Rectangle(getSize()) : g.getClipBounds(),
                    getVisibleRect());
        } finally {
            g.dispose();
        }
    }

    /** Paints the cells that meet {@code clip}, the titles pinned to {@code view}. */
    void paintGrid(Graphics2D g, Rectangle clip, Rectangle view) {
        Color background = UIManager.getColor("Panel.background");
        g.setColor(background == null ? Color.WHITE : background);
        g.fillRect(clip.x, clip.y, clip.width, clip.height);
        if (content == null) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int[] rows = geometry.rowsIn(clip.y, clip.y + clip.height);
        int[] columns = geometry.columnsIn(clip.x, clip.x + clip.width);
        Set<Path> files = new HashSet<>();
        int[] viewRows = geometry.rowsIn(view.y, view.y + view.height);
        int[] viewColumns = geometry.columnsIn(view.x, view.x + view.width);
        for (int r = viewRows[0]; r <= viewRows[1] && content.rows() > 0; r++) {
            for (int c = viewColumns[0]; c <= viewColumns[1] && content.columns() > 0; c++) {
                content.cell(r, c).ifPresent(s -> files.add(s.file()));
            }
        }
        inView = files; // before the cells ask for thumbnails, so their requests are not dropped
        Font small = getFont() == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 11) : getFont().deriveFont(11f);
        g.setFont(small);
        for (int r = rows[0]; r <= rows[1] && content.rows() > 0; r++) {
            for (int c = columns[0]; c <= columns[1] && content.columns() > 0; c++) {
                paintCell(g, r, c);
            }
        }
        paintHeaders(g, view, columns);
        paintRowLabels(g, view, rows);
    }

    private void paintCell(Graphics2D g, int row, int column) {
        Rectangle b = geometry.cellBounds(row, column);
        Optional<SampleImage> image = content.cell(row, column);
        if (image.isEmpty()) {
            g.setColor(new Color(0xF2F2F2));
            g.fillRect(b.x, b.y, b.width, b.height);
            g.setColor(new Color(0xC8C8C8));
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{4, 4}, 0));
            g.drawRect(b.x, b.y, b.width - 1, b.height - 1);
            centred(g, "not generated", b, new Color(0x999999));
        } else {
            Thumb t = thumbnails.get(image.get().file());
            if (t.image() != null) {
                int x = b.x + (b.width - t.image().getWidth()) / 2;
                int y = b.y + (b.height - t.image().getHeight()) / 2;
                g.drawImage(t.image(), x, y, null);
            } else {
                g.setColor(t.loading() ? new Color(0xE6E6E6) : new Color(0x6E6E6E));
                g.fillRect(b.x, b.y, b.width, b.height);
                centred(g, t.loading() ? "…" : t.problem(), b, t.loading() ? Color.GRAY : Color.WHITE);
            }
            content.rating(content.epoch(row), image.get().promptIndex()).map(Rating::stars)
                    .ifPresent(stars -> badge(g, "★".repeat(stars), b));
        }
        if (selection.isMarked(row, column)) {
            g.setColor(new Color(0xE08A00));
            g.setStroke(new BasicStroke(3, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{8, 5}, 0));
            g.drawRect(b.x + 1, b.y + 1, b.width - 3, b.height - 3);
            badge(g, "A", new Rectangle(b.x + b.width - 22, b.y, 22, 22));
        }
        if (!selection.isEmpty() && selection.row() == row && selection.column() == column) {
            g.setColor(hasFocus() ? new Color(0x1F6FD0) : new Color(0x4A7FC1));
            g.setStroke(new BasicStroke(4));
            g.drawRect(b.x - 3, b.y - 3, b.width + 5, b.height + 5);
        }
    }

    private void paintHeaders(Graphics2D g, Rectangle view, int[] columns) {
        int top = view.y;
        g.setColor(new Color(0xFAFAFA));
        g.fillRect(view.x, top, view.width, geometry.headerHeight());
        g.setColor(new Color(0xDDDDDD));
        g.drawLine(view.x, top + geometry.headerHeight() - 1, view.x + view.width, top + geometry.headerHeight() - 1);
        for (int c = columns[0]; c <= columns[1] && content.columns() > 0; c++) {
            Rectangle h = geometry.headerBounds(c);
            h.y = top;
            boolean warn = content.column(c).seedProblem() != null;
            String title = (warn ? "⚠ " : "") + content.columnTitle(c);
            g.setColor(warn ? new Color(0xB05A00) : Color.DARK_GRAY);
            twoLines(g, title, h);
        }
    }

    private void paintRowLabels(Graphics2D g, Rectangle view, int[] rows) {
        int left = view.x;
        g.setColor(new Color(0xFAFAFA));
        g.fillRect(left, view.y + geometry.headerHeight(), geometry.labelWidth(), view.height);
        for (int r = rows[0]; r <= rows[1] && content.rows() > 0; r++) {
            Rectangle l = geometry.rowLabelBounds(r);
            if (l.y + l.height < view.y + geometry.headerHeight()) {
                continue;
            }
            int epoch = content.epoch(r);
            String text = (content.isBest(r) ? "★ " : "") + GridContent.rowLabel(epoch);
            g.setColor(content.isBest(r) ? new Color(0xC08000) : Color.DARK_GRAY);
            g.drawString(text, left + 8, l.y + 18);
            content.rating(epoch, Rating.WHOLE_EPOCH).ifPresent(rating -> {
                g.setColor(Color.GRAY);
                if (rating.stars() != null) {
                    g.drawString("★".repeat(rating.stars()), left + 8, l.y + 34);
                }
                if (rating.note() != null) {
                    g.drawString(clip(g.getFontMetrics(), rating.note(), geometry.labelWidth() - 12), left + 8,
                            l.y + 50);
                }
            });
        }
        // the corner above the labels
        g.setColor(new Color(0xFAFAFA));
        g.fillRect(left, view.y, geometry.labelWidth(), geometry.headerHeight());
    }

    private static void centred(Graphics2D g, String text, Rectangle b, Color color) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(color);
        g.drawString(text, b.x + (b.width - fm.stringWidth(text)) / 2, b.y + (b.height + fm.getAscent()) / 2 - 2);
    }

    private static void badge(Graphics2D g, String text, Rectangle b) {
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text) + 8;
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRect(b.x + 2, b.y + 2, w, fm.getHeight() + 2);
        g.setColor(Color.WHITE);
        g.drawString(text, b.x + 6, b.y + 2 + fm.getAscent() + 1);
    }

    /** The title on up to two lines, broken at a space where one fits, the rest cut with "…". */
    private static void twoLines(Graphics2D g, String text, Rectangle h) {
        FontMetrics fm = g.getFontMetrics();
        int width = h.width - 4;
        int fits = text.length();
        while (fits > 0 && fm.stringWidth(text.substring(0, fits)) > width) {
            fits--;
        }
        int space = text.lastIndexOf(' ', fits);
        int breakAt = fits == text.length() ? fits : space > fits / 2 ? space : fits;
        g.drawString(text.substring(0, breakAt), h.x + 2, h.y + fm.getAscent() + 3);
        if (breakAt < text.length()) {
            g.drawString(clip(fm, text.substring(breakAt).strip(), width), h.x + 2,
                    h.y + fm.getAscent() + fm.getHeight() + 3);
        }
    }

    /** The longest prefix that fits, with "…" when cut. */
    private static String clip(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        int n = text.length();
        while (n > 0 && fm.stringWidth(text.substring(0, n) + "…") > width) {
            n--;
        }
        return text.substring(0, n) + "…";
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        if (content == null) {
            return null;
        }
        Rectangle view = getVisibleRect();
        Point p = e.getPoint();
        if (p.y < view.y + geometry.headerHeight()) {
            int[] cs = geometry.columnsIn(p.x, p.x);
            if (content.columns() == 0 || p.x < view.x + geometry.labelWidth()) {
                return null;
            }
            var c = content.column(cs[0]);
            String title = content.columnTitle(cs[0]) + (c.seed() == null ? "" : " (seed " + c.seed() + ")");
            return c.seedProblem() == null ? title : "<html>" + escape(title) + "<br>⚠ " + escape(c.seedProblem());
        }
        Point cell = geometry.cellAt(p);
        if (cell == null) {
            return null;
        }
        return content.cell(cell.y, cell.x).map(s -> s.file().getFileName() + " — seed " + s.seed() + ", "
                + s.sampler() + ", CFG " + s.cfgScale()).orElse("Not generated yet: Generate… makes it");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return new Dimension(Math.min(1000, getPreferredSize().width), Math.min(700, getPreferredSize().height));
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
        return (CELL + geometry.gap()) / 4;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visibleRect.height - CELL : visibleRect.width - CELL;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return SwingUtilities.getUnwrappedParent(this) instanceof JViewport v
                && v.getWidth() > getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return SwingUtilities.getUnwrappedParent(this) instanceof JViewport v
                && v.getHeight() > getPreferredSize().height;
    }
}
