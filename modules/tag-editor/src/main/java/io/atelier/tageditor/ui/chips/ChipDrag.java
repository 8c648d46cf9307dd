package io.atelier.tageditor.ui.chips;

import java.awt.Cursor;
import java.awt.Point;

/** Reordering chips with the mouse: a press on a movable chip, a drag past a few pixels, and the drop slot. */
final class ChipDrag {

    private static final int THRESHOLD = 5;

    private final ChipStrip strip;
    private ChipView source;
    private Point pressed;
    private boolean dragging;
    private int slot = -1;

    ChipDrag(ChipStrip strip) {
        this.strip = strip;
    }

    void press(ChipView view, Point at) {
        source = view;
        pressed = at;
        dragging = false;
        slot = -1;
    }

    void dragTo(Point inStrip) {
        if (source == null) {
            return;
        }
        if (!dragging) {
            Point start = javax.swing.SwingUtilities.convertPoint(source, pressed, strip);
            if (start.distance(inStrip) < THRESHOLD) {
                return;
            }
            dragging = true;
            strip.setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
        }
        slot = strip.slotAt(inStrip);
        strip.repaint();
    }

    void release(Point inStrip) {
        ChipView view = source;
        boolean dropped = dragging;
        int at = dropped ? strip.slotAt(inStrip) : -1;
        source = null;
        dragging = false;
        slot = -1;
        strip.setCursor(null);
        strip.repaint();
        if (dropped) {
            strip.drop(view, at);
        }
    }

    /** The insertion slot shown while dragging, or -1. */
    int slot() {
        return dragging ? slot : -1;
    }
}
