package io.atelier.tageditor.ui.chips;

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
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;

/**
 * One tag drawn as a chip: rounded, focusable, with a × to remove it. The trigger word is filled with the accent
 * colour and carries a pin; a missing trigger word is dashed; a tag the tagger model made has a small violet dot;
 * the tag's booru category is a coloured stripe on the left.
 */
final class ChipView extends JComponent {

    private static final long serialVersionUID = 1L;
    private static final int PAD = 8;
    private static final int CLOSE = 14;

    private final transient Chip chip;
    private final Color stripe;
    private final boolean predicted;
    private boolean hover;
    private boolean hoverClose;

    ChipView(Chip chip, Color stripe, boolean predicted, String tooltip) {
        this.chip = chip;
        this.stripe = stripe;
        this.predicted = predicted;
        setFocusable(true);
        setToolTipText(tooltip);
        setName("chip:" + chip.tag());
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                repaint();
                scrollRectToVisible(new Rectangle(0, 0, getWidth(), getHeight()));
            }

            @Override
            public void focusLost(FocusEvent e) {
                repaint();
            }
        });
    }

    Chip chip() {
        return chip;
    }

    /** Screen readers read the tag; a chip acts like a button (Delete removes, F2 edits). */
    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.PUSH_BUTTON;
                }

                @Override
                public String getAccessibleName() {
                    return chip.tag();
                }
            };
        }
        return accessibleContext;
    }

    boolean removable() {
        return !chip.pinned();
    }

    void setHover(boolean hover, boolean overClose) {
        if (this.hover != hover || this.hoverClose != overClose) {
            this.hover = hover;
            this.hoverClose = overClose;
            repaint();
        }
    }

    /** Whether {@code p} (in this chip's coordinates) is on the × button. */
    boolean onClose(Point p) {
        return removable() && p.x >= getWidth() - PAD - CLOSE + 2 && p.x <= getWidth() - 2;
    }

    private Font chipFont() {
        Font f = getFont() == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 13) : getFont();
        return chip.kind() == Chip.Kind.TRIGGER ? f.deriveFont(Font.BOLD) : f;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(chipFont());
        int w = PAD + lead() + fm.stringWidth(chip.tag()) + PAD + (removable() ? CLOSE : 0);
        return new Dimension(w, fm.getHeight() + 10);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }

    @Override
    public Dimension getMaximumSize() {
        return getPreferredSize();
    }

    /** Room before the text: the pin of the trigger word, the dot of a predicted tag. */
    private int lead() {
        return (chip.pinned() ? 12 : 0) + (predicted ? 10 : 0);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int w = getWidth();
            int h = getHeight();
            RoundRectangle2D shape = new RoundRectangle2D.Float(1, 1, w - 2f, h - 2f, h - 4f, h - 4f);
            Color fg = paintBody(g, shape, w, h);
            int x = PAD;
            if (chip.pinned()) {
                paintPin(g, x, h / 2, fg);
                x += 12;
            }
            if (predicted) {
                g.setColor(ChipStyle.PREDICTED);
                g.fill(new Ellipse2D.Float(x, h / 2f - 3.5f, 7, 7));
                x += 10;
            }
            g.setFont(chipFont());
            FontMetrics fm = g.getFontMetrics();
            g.setColor(fg);
            g.drawString(chip.tag(), x, (h - fm.getHeight()) / 2 + fm.getAscent());
            if (removable()) {
                paintClose(g, w - PAD - CLOSE + 4, h / 2, fg);
            }
            if (isFocusOwner()) {
                g.setColor(ChipStyle.focus());
                g.setStroke(new BasicStroke(2f));
                g.draw(new RoundRectangle2D.Float(1.5f, 1.5f, w - 3f, h - 3f, h - 4f, h - 4f));
            }
        } finally {
            g.dispose();
        }
    }

    /** Fills and outlines the chip; returns the text colour that goes on it. */
    private Color paintBody(Graphics2D g, RoundRectangle2D shape, int w, int h) {
        switch (chip.kind()) {
            case TRIGGER -> {
                g.setColor(ChipStyle.accent());
                g.fill(shape);
                return Color.WHITE;
            }
            case MISSING_TRIGGER -> {
                g.setColor(ChipStyle.accent());
                g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                        new float[]{4f, 3f}, 0f));
                g.draw(shape);
                return ChipStyle.accent();
            }
            default -> {
                g.setColor(hover ? ChipStyle.hover() : ChipStyle.background());
                g.fill(shape);
                g.setColor(ChipStyle.border());
                g.draw(shape);
                if (stripe != null) {
                    Graphics2D s = (Graphics2D) g.create();
                    s.clip(shape);
                    s.setColor(stripe);
                    s.fillRect(1, 1, 4, h - 2);
                    s.dispose();
                }
                return ChipStyle.text();
            }
        }
    }

    private static void paintPin(Graphics2D g, int x, int cy, Color c) {
        g.setColor(c);
        g.fill(new Ellipse2D.Float(x + 1, cy - 6, 7, 7));
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Float(x + 4.5f, cy, x + 4.5f, cy + 5));
    }

    private void paintClose(Graphics2D g, int x, int cy, Color fg) {
        if (hoverClose) {
            g.setColor(ChipStyle.border());
            g.fill(new Ellipse2D.Float(x - 3, cy - 7, 14, 14));
        }
        g.setColor(hover ? fg : ChipStyle.muted());
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Float(x + 1, cy - 3, x + 7, cy + 3));
        g.draw(new Line2D.Float(x + 7, cy - 3, x + 1, cy + 3));
    }
}
