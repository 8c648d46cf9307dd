package io.atelier.tageditor.ui.chips;

import io.atelier.tagger.model.TagCategory;
import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingUtilities;
import java.awt.Dimension;

/**
 * The tags of one caption as a wrapping row of chips. Keyboard: ←/→ move between chips, Delete or Backspace removes
 * the focused one, F2 or Enter edits it, Ctrl+←/→ moves it one place. Mouse: the × removes, a double-click edits,
 * dragging reorders. The pinned trigger word can be neither removed, moved nor edited, and nothing lands before it.
 * What the user asks for goes to {@link Actions}; the strip shows the result when it is given the new chips.
 */
public final class ChipStrip extends JPanel implements Scrollable {

    private static final long serialVersionUID = 1L;

    /** What the user asked of a chip. */
    public interface Actions {
        void remove(Chip chip);

        /** Move {@code chip} so that it lands at caption index {@code to}. */
        void move(Chip chip, int to);

        void rename(Chip chip, String tag);

        /** Focus leaves the chips forwards (to the tag field). */
        void leave();
    }

    /** How a tag is marked: its category, and whether a tagger model made it (with a tooltip saying so). */
    public interface Marks {
        Marks NONE = new Marks() {
            @Override
            public TagCategory category(String tag) {
                return null;
            }

            @Override
            public String predicted(String tag) {
                return null;
            }
        };

        TagCategory category(String tag);

        /** A note when a tagger model made this tag (e.g. its confidence), or null. */
        String predicted(String tag);
    }

    private final transient Actions actions;
    private final transient ChipDrag drag = new ChipDrag(this);
    private transient List<Chip> chips = List.of();
    private transient Marks marks = Marks.NONE;
    private int focusAfterUpdate = -1;
    private ChipEditor editing;

    public ChipStrip(Actions actions) {
        super(new WrapLayout(5, 5));
        this.actions = actions;
        setName("chipStrip");
        setBorder(BorderFactory.createEmptyBorder(2, 2, 2, 2));
        setOpaque(false);
        bindKeys();
    }

    /** Shows these chips; the chip at the focused position keeps the focus (after a removal: its neighbour). */
    public void setChips(List<Chip> chips, Marks marks) {
        int focusAt = focusAfterUpdate >= 0 ? focusAfterUpdate : focusedPosition();
        focusAfterUpdate = -1;
        boolean hadFocus = focusAt >= 0;
        this.chips = List.copyOf(chips);
        this.marks = marks;
        if (editing != null) {
            editing.abandon();   // its chip may no longer be where it was: a rename would hit the wrong tag
            editing = null;
        }
        removeAll();
        for (Chip c : this.chips) {
            add(view(c));
        }
        revalidate();
        repaint();
        if (hadFocus && !this.chips.isEmpty()) {
            int at = Math.min(focusAt, this.chips.size() - 1);
            getComponent(at).requestFocusInWindow();
        }
    }

    public List<Chip> chips() {
        return chips;
    }

    /** Gives the keyboard focus to the last chip (Shift+Tab or ← from an empty tag field). */
    public void focusLast() {
        if (getComponentCount() > 0) {
            getComponent(getComponentCount() - 1).requestFocusInWindow();
        }
    }

    private ChipView view(Chip c) {
        String note = marks.predicted(c.tag());
        TagCategory category = marks.category(c.tag());
        String tip = tooltip(c, category, note);
        ChipView v = new ChipView(c, ChipStyle.stripe(category), note != null, tip);
        v.setFont(getFont());
        MouseAdapter mouse = new ChipMouse(v);
        v.addMouseListener(mouse);
        v.addMouseMotionListener(mouse);
        return v;
    }

    private static String tooltip(Chip c, TagCategory category, String predicted) {
        StringBuilder tip = new StringBuilder("<html><b>").append(escape(c.tag())).append("</b>");
        switch (c.kind()) {
            case TRIGGER -> tip.append("<br>The project's trigger word: always first (keep tokens = 1).");
            case MISSING_TRIGGER -> tip.append("<br>The trigger word is missing from this caption; "
                    + "your next edit puts it first.");
            case TAG -> tip.append("<br>Double-click or F2 to edit, drag to move, Delete to remove.");
        }
        if (category != null) {
            tip.append("<br>Tagger category: ").append(category.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (predicted != null) {
            tip.append("<br>").append(escape(predicted));
        }
        return tip.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ------------------------------------------------------------------ keyboard

    private void bindKeys() {
        bind("previousChip", KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, 0), v -> focusAt(position(v) - 1));
        bind("nextChip", KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, 0), v -> {
            if (position(v) == getComponentCount() - 1) {
                actions.leave();
            } else {
                focusAt(position(v) + 1);
            }
        });
        bind("firstChip", KeyStroke.getKeyStroke(KeyEvent.VK_HOME, 0), v -> focusAt(0));
        bind("lastChip", KeyStroke.getKeyStroke(KeyEvent.VK_END, 0), v -> focusAt(getComponentCount() - 1));
        bind("removeChip", KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), this::removeChip);
        bind("removeChipBack", KeyStroke.getKeyStroke(KeyEvent.VK_BACK_SPACE, 0), this::removeChip);
        bind("editChip", KeyStroke.getKeyStroke(KeyEvent.VK_F2, 0), this::edit);
        bind("editChipEnter", KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), this::edit);
        bind("moveChipLeft", KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, KeyEvent.CTRL_DOWN_MASK), v -> shift(v, -1));
        bind("moveChipRight", KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, KeyEvent.CTRL_DOWN_MASK), v -> shift(v, 1));
    }

    private void bind(String name, KeyStroke key, java.util.function.Consumer<ChipView> action) {
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(key, name);
        getActionMap().put(name, new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                Component focused = javax.swing.FocusManager.getCurrentManager().getFocusOwner();
                if (focused instanceof ChipView v && v.getParent() == ChipStrip.this) {
                    action.accept(v);
                }
            }
        });
    }

    private int position(Component c) {
        for (int i = 0; i < getComponentCount(); i++) {
            if (getComponent(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private int focusedPosition() {
        Component focused = javax.swing.FocusManager.getCurrentManager().getFocusOwner();
        return focused != null && focused.getParent() == this ? position(focused) : -1;
    }

    private void focusAt(int position) {
        if (position >= 0 && position < getComponentCount()) {
            getComponent(position).requestFocusInWindow();
        }
    }

    private void removeChip(ChipView v) {
        if (v.removable()) {
            focusAfterUpdate = position(v);
            actions.remove(v.chip());
        }
    }

    private void shift(ChipView v, int by) {
        if (v.removable()) {
            focusAfterUpdate = Math.max(0, position(v) + by);
            actions.move(v.chip(), v.chip().index() + by);
        }
    }

    // ------------------------------------------------------------------ editing in place

    private void edit(ChipView v) {
        if (!v.removable() || editing != null) {
            return;
        }
        int at = position(v);
        editing = new ChipEditor(v.chip(), v.getWidth(), getFont(), this::finishEdit);
        remove(at);
        add(editing, at);
        revalidate();
        repaint();
        editing.requestFocusInWindow();
    }

    /** The in-place editor closed: {@code tag} null when cancelled. */
    private void finishEdit(Chip chip, String tag) {
        int at = editing == null ? -1 : position(editing);
        editing = null;
        focusAfterUpdate = at;
        if (tag == null || tag.strip().equals(chip.tag())) {
            setChips(chips, marks);
        } else {
            actions.rename(chip, tag);
        }
    }

    // ------------------------------------------------------------------ dragging

    /** Where a drop at {@code p} (strip coordinates) lands, as an insertion slot before component {@code i}. */
    int slotAt(Point p) {
        int best = getComponentCount();
        for (int i = 0; i < getComponentCount(); i++) {
            Rectangle r = getComponent(i).getBounds();
            boolean sameRow = p.y >= r.y - 3 && p.y <= r.y + r.height + 3;
            if (sameRow && p.x < r.x + r.width / 2) {
                return i;
            }
            if (p.y < r.y - 3) {
                return i;
            }
        }
        return best;
    }

    /** The caption index a chip dragged from {@code from} (a caption index) takes when dropped in {@code slot}. */
    int targetIndex(int from, int slot) {
        int before = slot < chips.size() ? chips.get(slot).index() : chips.isEmpty() ? 0
                : chips.get(chips.size() - 1).index() + 1;
        return from < before ? before - 1 : before;
    }

    void drop(ChipView v, int slot) {
        int to = targetIndex(v.chip().index(), slot);
        if (to != v.chip().index()) {
            focusAfterUpdate = -1;
            actions.move(v.chip(), to);
        }
    }

    @Override
    protected void paintChildren(Graphics g) {
        super.paintChildren(g);
        int slot = drag.slot();
        if (slot < 0) {
            return;
        }
        Rectangle r;
        if (slot < getComponentCount()) {
            Rectangle c = getComponent(slot).getBounds();
            r = new Rectangle(c.x - 4, c.y, 2, c.height);
        } else if (getComponentCount() > 0) {
            Rectangle c = getComponent(getComponentCount() - 1).getBounds();
            r = new Rectangle(c.x + c.width + 2, c.y, 2, c.height);
        } else {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setColor(ChipStyle.focus());
        g2.setStroke(new BasicStroke(2f));
        g2.fillRect(r.x, r.y, r.width, r.height);
        g2.dispose();
    }

    private final class ChipMouse extends MouseAdapter {
        private final ChipView view;

        ChipMouse(ChipView view) {
            this.view = view;
        }

        @Override
        public void mousePressed(MouseEvent e) {
            view.requestFocusInWindow();
            if (SwingUtilities.isLeftMouseButton(e) && view.removable() && !view.onClose(e.getPoint())) {
                drag.press(view, e.getPoint());
            }
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            drag.dragTo(SwingUtilities.convertPoint(view, e.getPoint(), ChipStrip.this));
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            drag.release(SwingUtilities.convertPoint(view, e.getPoint(), ChipStrip.this));
        }

        @Override
        public void mouseClicked(MouseEvent e) {
            if (!SwingUtilities.isLeftMouseButton(e)) {
                return;
            }
            if (view.onClose(e.getPoint())) {
                removeChip(view);
            } else if (e.getClickCount() == 2) {
                edit(view);
            }
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            view.setHover(true, view.onClose(e.getPoint()));
        }

        @Override
        public void mouseExited(MouseEvent e) {
            view.setHover(false, false);
        }
    }

    // ------------------------------------------------------------------ Scrollable: wrap to the viewport's width

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return Math.max(16, visible.height - 16);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    /** For tests and the GUI check: the chip views in order. */
    List<JComponent> views() {
        List<JComponent> v = new ArrayList<>();
        for (Component c : getComponents()) {
            v.add((JComponent) c);
        }
        return v;
    }
}
