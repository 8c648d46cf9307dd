package io.atelier.gallery.grid;

import io.atelier.core.gallery.Rating;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.Optional;
import java.util.UUID;
import javax.swing.ButtonGroup;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;

/** The small editor of a rating: 1–5 stars (or none) and a note, for one cell or a whole epoch. */
final class RatingEditor {

    private RatingEditor() {
    }

    /**
     * @param promptIndex the cell's prompt, or {@link Rating#WHOLE_EPOCH}
     * @return the edited rating, or empty when cancelled
     */
    static Optional<Rating> edit(String title, UUID runId, int epoch, int promptIndex, Rating current) {
        JPanel stars = new JPanel(new FlowLayout(FlowLayout.LEFT, 2, 0));
        ButtonGroup group = new ButtonGroup();
        JToggleButton[] buttons = new JToggleButton[6];
        for (int i = 0; i <= 5; i++) {
            buttons[i] = new JToggleButton(i == 0 ? "none" : "★".repeat(i));
            buttons[i].setName("stars" + i);
            group.add(buttons[i]);
            stars.add(buttons[i]);
        }
        Integer had = current == null ? null : current.stars();
        buttons[had == null ? 0 : had].setSelected(true);
        JTextArea note = new JTextArea(current == null || current.note() == null ? "" : current.note(), 4, 36);
        note.setName("ratingNote");
        note.setLineWrap(true);
        note.setWrapStyleWord(true);
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.setBorder(javax.swing.BorderFactory.createEmptyBorder(10, 10, 10, 10));
        panel.add(stars, BorderLayout.NORTH);
        JPanel notePanel = new JPanel(new BorderLayout(0, 4));
        notePanel.add(new JLabel("Note:"), BorderLayout.NORTH);
        notePanel.add(new JScrollPane(note), BorderLayout.CENTER);
        panel.add(notePanel, BorderLayout.CENTER);
        DialogDescriptor d = new DialogDescriptor(panel, title);
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) {
            return Optional.empty();
        }
        Integer chosen = null;
        for (int i = 1; i <= 5; i++) {
            if (buttons[i].isSelected()) {
                chosen = i;
            }
        }
        return Optional.of(new Rating(runId, epoch, promptIndex, chosen, note.getText()));
    }
}
