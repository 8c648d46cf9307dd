package io.atelier.tageditor.ui.chips;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.util.function.BiConsumer;
import javax.swing.AbstractAction;
import javax.swing.JTextField;
import javax.swing.KeyStroke;

/** Edits a chip's tag in place: Enter or leaving the field commits, Escape cancels. */
final class ChipEditor extends JTextField {

    private static final long serialVersionUID = 1L;

    private final transient Chip chip;
    private final transient BiConsumer<Chip, String> done;
    private boolean finished;

    /** @param done gets the chip and the new text, or null when cancelled; called once */
    ChipEditor(Chip chip, int width, Font font, BiConsumer<Chip, String> done) {
        super(chip.tag());
        this.chip = chip;
        this.done = done;
        setName("chipEditor");
        setFont(font);
        selectAll();
        Dimension d = getPreferredSize();
        setPreferredSize(new Dimension(Math.max(width + 40, 120), d.height));
        addActionListener(e -> finish(getText()));
        getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "cancelEdit");
        getActionMap().put("cancelEdit", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                finish(null);
            }
        });
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                if (!e.isTemporary()) {
                    finish(getText());
                }
            }
        });
    }

    /** The chips were replaced under the editor (the caption changed): it closes without reporting anything. */
    void abandon() {
        finished = true;
    }

    private void finish(String text) {
        if (!finished) {
            finished = true;
            done.accept(chip, text);
        }
    }
}
