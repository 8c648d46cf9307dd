package io.atelier.tageditor.ui.chips;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

/**
 * A {@link FlowLayout} whose preferred size wraps to the width it is given, so a row of chips inside a vertical
 * scroll pane grows downwards instead of off to the right.
 */
final class WrapLayout extends FlowLayout {

    private static final long serialVersionUID = 1L;

    WrapLayout(int hgap, int vgap) {
        super(LEFT, hgap, vgap);
    }

    @Override
    public Dimension preferredLayoutSize(Container target) {
        return size(target);
    }

    /** As narrow as the widest chip: the chips wrap, so they never make the window wider than the screen. */
    @Override
    public Dimension minimumLayoutSize(Container target) {
        synchronized (target.getTreeLock()) {
            int width = 0;
            int height = 0;
            for (Component c : target.getComponents()) {
                if (c.isVisible()) {
                    Dimension d = c.getMinimumSize();
                    width = Math.max(width, d.width);
                    height = Math.max(height, d.height);
                }
            }
            Insets insets = target.getInsets();
            return new Dimension(width + insets.left + insets.right + getHgap() * 2,
                    height + insets.top + insets.bottom + getVgap() * 2);
        }
    }

    private Dimension size(Container target) {
        synchronized (target.getTreeLock()) {
            int width = target.getSize().width;
            Container scroll = SwingUtilities.getAncestorOfClass(JScrollPane.class, target);
            if (scroll != null && scroll.getWidth() > 0) {
                width = Math.min(width <= 0 ? Integer.MAX_VALUE : width, scroll.getWidth() - 4);
            }
            if (width <= 0) {
                width = Integer.MAX_VALUE;
            }
            Insets insets = target.getInsets();
            int max = width - insets.left - insets.right - getHgap() * 2;
            int rowWidth = 0;
            int rowHeight = 0;
            int totalWidth = 0;
            int totalHeight = 0;
            for (Component c : target.getComponents()) {
                if (!c.isVisible()) {
                    continue;
                }
                Dimension d = c.getPreferredSize();
                if (rowWidth > 0 && rowWidth + getHgap() + d.width > max) {
                    totalWidth = Math.max(totalWidth, rowWidth);
                    totalHeight += rowHeight + getVgap();
                    rowWidth = 0;
                    rowHeight = 0;
                }
                rowWidth += (rowWidth > 0 ? getHgap() : 0) + d.width;
                rowHeight = Math.max(rowHeight, d.height);
            }
            totalWidth = Math.max(totalWidth, rowWidth);
            totalHeight += rowHeight;
            return new Dimension(totalWidth + insets.left + insets.right + getHgap() * 2,
                    totalHeight + insets.top + insets.bottom + getVgap() * 2);
        }
    }
}
