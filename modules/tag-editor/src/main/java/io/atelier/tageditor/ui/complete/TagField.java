package io.atelier.tageditor.ui.complete;

import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The field tags are typed into, with suggestions as you type. Enter adds what is typed (several tags at once when
 * separated by commas); ↓/↑ pick a suggestion and Enter accepts it; a click accepts one too; Escape closes the
 * suggestions, then clears the field; Backspace or ← in an empty field goes back to the chips.
 */
public final class TagField extends JTextField {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 10;

    /** What the field asks of the editor. */
    public interface Listener {
        /** Add these tags, in order. */
        void add(List<String> tags);

        /** Backspace or ← in the empty field: focus the last chip. */
        void back();
    }

    private final transient Function<String, List<Suggestion>> suggest;
    private final transient Listener listener;
    private final DefaultListModel<Suggestion> shown = new DefaultListModel<>();
    private final JList<Suggestion> list = new JList<>(shown);
    private final JPopupMenu popup = new JPopupMenu();
    private boolean accepting;

    /** @param suggest the suggestions for the text being typed, best first */
    public TagField(Function<String, List<Suggestion>> suggest, Listener listener) {
        this.suggest = suggest;
        this.listener = listener;
        setName("tagField");
        list.setName("tagSuggestions");
        list.setFocusable(false);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new SuggestionRenderer());
        list.setVisibleRowCount(SHOWN);
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int row = list.locationToIndex(e.getPoint());
                if (row >= 0) {
                    accept(shown.get(row));
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        popup.setFocusable(false);
        popup.add(scroll);
        getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                update();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                update();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                update();
            }
        });
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                popup.setVisible(false);
            }
        });
        addActionListener(e -> enter());
        key("suggestionDown", KeyEvent.VK_DOWN, () -> moveSelection(1));
        key("suggestionUp", KeyEvent.VK_UP, () -> moveSelection(-1));
        key("suggestionPageDown", KeyEvent.VK_PAGE_DOWN, () -> moveSelection(SHOWN), this::popupShowing);
        key("suggestionPageUp", KeyEvent.VK_PAGE_UP, () -> moveSelection(-SHOWN), this::popupShowing);
        key("escapeField", KeyEvent.VK_ESCAPE, this::escape, () -> popupShowing() || !getText().isEmpty());
        key("backToChips", KeyEvent.VK_BACK_SPACE, listener::back, () -> getText().isEmpty());
        key("leftToChips", KeyEvent.VK_LEFT, listener::back, () -> getText().isEmpty());
    }

    /** The suggestions currently offered (empty when the list is closed). */
    public List<Suggestion> suggestions() {
        List<Suggestion> out = new ArrayList<>();
        if (popupShowing()) {
            for (int i = 0; i < shown.size(); i++) {
                out.add(shown.get(i));
            }
        }
        return out;
    }

    private boolean popupShowing() {
        return popup.isVisible();
    }

    private void key(String name, int code, Runnable action) {
        key(name, code, action, () -> true);
    }

    /**
     * Binds a key that only acts while {@code when} holds; otherwise the field's own binding runs, and without one the
     * key goes on to the window (so Page Up/Down still change the image when no suggestions are shown).
     */
    private void key(String name, int code, Runnable action, java.util.function.BooleanSupplier when) {
        KeyStroke ks = KeyStroke.getKeyStroke(code, 0);
        Object previous = getInputMap().get(ks);
        javax.swing.Action fallback = previous == null ? null : getActionMap().get(previous);
        getInputMap().put(ks, name);
        getActionMap().put(name, new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isEnabled() {
                return when.getAsBoolean() || fallback != null && fallback.isEnabled();
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                if (when.getAsBoolean()) {
                    action.run();
                } else if (fallback != null) {
                    fallback.actionPerformed(e);
                }
            }
        });
    }

    /** The tag being typed: the text after the last comma. */
    private String current() {
        String t = getText();
        int comma = t.lastIndexOf(',');
        return (comma < 0 ? t : t.substring(comma + 1)).strip();
    }

    private void update() {
        if (accepting) {
            return;
        }
        String typed = current();
        List<Suggestion> found = typed.isEmpty() ? List.of() : suggest.apply(typed);
        shown.clear();
        found.forEach(shown::addElement);
        if (found.isEmpty() || !isShowing() || !hasFocus()) {
            popup.setVisible(false);
            return;
        }
        list.clearSelection();
        int rows = Math.min(SHOWN, found.size());
        Dimension cell = list.getCellRenderer().getListCellRendererComponent(list, found.get(0), 0, false, false)
                .getPreferredSize();
        popup.setPopupSize(new Dimension(Math.max(getWidth(), 320), rows * cell.height + 6));
        if (!popup.isVisible()) {
            popup.show(this, 0, getHeight());
        } else {
            popup.revalidate();
            popup.repaint();
        }
    }

    private void moveSelection(int by) {
        if (!popupShowing()) {
            update();
            return;
        }
        int n = shown.size();
        if (n == 0) {
            return;
        }
        int row = list.getSelectedIndex() < 0 ? (by > 0 ? 0 : n - 1)
                : Math.max(0, Math.min(n - 1, list.getSelectedIndex() + by));
        list.setSelectedIndex(row);
        list.ensureIndexIsVisible(row);
    }

    private void enter() {
        Suggestion chosen = popupShowing() ? list.getSelectedValue() : null;
        if (chosen != null) {
            accept(chosen);
            return;
        }
        addTyped(getText());
    }

    /** The chosen suggestion replaces the tag being typed; everything in the field is added. */
    private void accept(Suggestion s) {
        String t = getText();
        int comma = t.lastIndexOf(',');
        addTyped((comma < 0 ? "" : t.substring(0, comma + 1)) + s.tag());
    }

    private void addTyped(String text) {
        List<String> tags = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                tags.add(part.strip());
            }
        }
        accepting = true;
        try {
            setText("");
        } finally {
            accepting = false;
        }
        popup.setVisible(false);
        if (!tags.isEmpty()) {
            listener.add(tags);
        }
    }

    private void escape() {
        if (popupShowing()) {
            popup.setVisible(false);
        } else {
            setText("");
        }
    }

    @Override
    public void removeNotify() {
        popup.setVisible(false);
        super.removeNotify();
    }

    /** Re-runs the suggestions, e.g. after the dataset's tags or the vocabulary changed. */
    public void refreshSuggestions() {
        if (popupShowing()) {
            SwingUtilities.invokeLater(this::update);
        }
    }
}
