package io.atelier.dataset.ui.grid;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.dataset.ui.buckets.CropOverlay;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Paints one grid cell: the thumbnail (or a placeholder while it loads), finding badges, the bucket crop when the
 * overlay is on, and the file name. It asks the loader for a missing thumbnail as it paints, so only cells that are
 * actually painted (the visible ones) load anything.
 */
final class ThumbnailCell extends JComponent implements ListCellRenderer<DatasetImage> {

    private static final long serialVersionUID = 1L;
    static final int PAD = 6;
    static final int TEXT_GAP = 3;

    private final transient ThumbnailLoader loader;
    private transient CellDecorations decorations = CellDecorations.NONE;
    private int imageSide;
    private transient Font fontsFor;      // the list font the two small fonts below were derived from
    private transient Font labelFont;
    private transient Font badgeFont;
    private transient DatasetImage image;
    private boolean selected;
    private boolean focused;

    ThumbnailCell(ThumbnailLoader loader, int imageSide) {
        this.loader = loader;
        this.imageSide = imageSide;
        setOpaque(false);
    }

    void setDecorations(CellDecorations decorations) {
        this.decorations = decorations;
    }

    void setImageSide(int side) {
        this.imageSide = side;
    }

    int cellWidth() {
        return imageSide + 2 * PAD;
    }

    int cellHeight(FontMetrics fm) {
        return imageSide + 2 * PAD + TEXT_GAP + fm.getHeight();
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends DatasetImage> list, DatasetImage value, int index,
            boolean isSelected, boolean cellHasFocus) {
        this.image = value;
        this.selected = isSelected;
        this.focused = cellHasFocus;
        setFont(list.getFont());
        if (fontsFor != list.getFont()) {
            fontsFor = list.getFont();
            labelFont = fontsFor.deriveFont(Math.max(9f, fontsFor.getSize2D() - 2f));
            badgeFont = fontsFor.deriveFont(Font.BOLD, Math.max(9f, fontsFor.getSize2D() - 3f));
        }
        setForeground(isSelected ? list.getSelectionForeground() : list.getForeground());
        setBackground(list.getSelectionBackground());
        return this;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (selected) {
                g.setColor(getBackground());
                g.fillRoundRect(1, 1, getWidth() - 2, getHeight() - 2, 10, 10);
            } else if (focused) {
                g.setColor(getBackground());
                g.drawRoundRect(1, 1, getWidth() - 3, getHeight() - 3, 10, 10);
            }
            Rectangle2D shown = paintThumbnail(g);
            if (shown != null) {
                BucketAssignment bucket = decorations.bucket(image);
                if (bucket != null && CropOverlay.sameOrientation(bucket, (int) shown.getWidth(), (int) shown.getHeight())) {
                    CropOverlay.paint(g, bucket, shown);
                    paintBucketLabel(g, bucket, shown);
                }
            }
            paintBadges(g, decorations.badges(image));
            paintName(g);
        } finally {
            g.dispose();
        }
    }

    /** Draws the thumbnail centred in the image square; returns where it went, or null for a placeholder. */
    private Rectangle2D paintThumbnail(Graphics2D g) {
        ThumbnailLoader.Entry entry = loader.peek(image);
        if (entry == null || entry.longSide() != loader.longSide()) {
            loader.request(image);
        }
        if (entry == null) {
            String failure = loader.failure(image);
            g.setColor(placeholderColor(failure != null));
            g.fillRoundRect(PAD, PAD, imageSide, imageSide, 8, 8);
            if (failure != null) {
                g.setColor(UIManager.getColor("Label.disabledForeground"));
                drawCentred(g, "unreadable", PAD + imageSide / 2);
            }
            return null;
        }
        int w = entry.image().getWidth();
        int h = entry.image().getHeight();
        double scale = Math.min((double) imageSide / w, (double) imageSide / h);
        if (entry.longSide() == loader.longSide() && Math.max(w, h) <= imageSide) {
            scale = 1.0;   // scaled for this size already (or smaller than the cell): copy the pixels
        }
        int dw = (int) Math.round(w * scale);
        int dh = (int) Math.round(h * scale);
        int x = PAD + (imageSide - dw) / 2;
        int y = PAD + (imageSide - dh) / 2;
        if (scale == 1.0) {
            g.drawImage(entry.image(), x, y, null);
        } else {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(entry.image(), x, y, dw, dh, null);
        }
        return new Rectangle2D.Double(x, y, dw, dh);
    }

    private static Color placeholderColor(boolean failed) {
        Color base = UIManager.getColor("Panel.background");
        if (base == null) {
            base = Color.LIGHT_GRAY;
        }
        return failed ? new Color(0xF2, 0xD7, 0xD5) : darker(base, 0.93);
    }

    private void paintBucketLabel(Graphics2D g, BucketAssignment bucket, Rectangle2D shown) {
        String text = bucket.bucket().width() + "\u00d7" + bucket.bucket().height();
        g.setFont(labelFont);
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text) + 8;
        int h = fm.getHeight();
        int x = (int) (shown.getX() + shown.getWidth() - w - 3);
        int y = (int) (shown.getY() + shown.getHeight() - h - 3);
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRoundRect(x, y, w, h, 6, 6);
        g.setColor(Color.WHITE);
        g.drawString(text, x + 4, y + fm.getAscent());
    }

    private void paintBadges(Graphics2D g, List<Badge> badges) {
        if (badges.isEmpty()) {
            return;
        }
        g.setFont(badgeFont);
        FontMetrics fm = g.getFontMetrics();
        int x = PAD + 3;
        int y = PAD + 3;
        for (Badge b : badges) {
            int w = fm.stringWidth(b.text()) + 8;
            if (x + w > PAD + imageSide) {
                x = PAD + 3;
                y += fm.getHeight() + 2;
            }
            g.setColor(b.color());
            g.fillRoundRect(x, y, w, fm.getHeight(), 6, 6);
            g.setColor(Color.WHITE);
            g.drawString(b.text(), x + 4, y + fm.getAscent());
            x += w + 3;
        }
    }

    private void paintName(Graphics2D g) {
        g.setFont(getFont());
        g.setColor(getForeground());
        FontMetrics fm = g.getFontMetrics();
        String name = fit(image.name(), fm, imageSide);
        int baseline = PAD + imageSide + TEXT_GAP + fm.getAscent();
        g.drawString(name, PAD + (imageSide - fm.stringWidth(name)) / 2, baseline);
    }

    private void drawCentred(Graphics2D g, String text, int centreY) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, PAD + (imageSide - fm.stringWidth(text)) / 2, centreY + fm.getAscent() / 2);
    }

    /** The name shortened in the middle so both its start and its extension stay readable. */
    static String fit(String name, FontMetrics fm, int width) {
        if (fm.stringWidth(name) <= width) {
            return name;
        }
        int keepEnd = Math.min(name.length() / 2, 7);
        String end = name.substring(name.length() - keepEnd);
        String start = name.substring(0, name.length() - keepEnd);
        while (!start.isEmpty() && fm.stringWidth(start + "\u2026" + end) > width) {
            start = start.substring(0, start.length() - 1);
        }
        return start + "\u2026" + end;
    }

    private static Color darker(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
    }
}
