package io.atelier.tageditor.ui.editor;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionText;
import io.atelier.tageditor.ui.autotag.PredictionMarks;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import io.atelier.tageditor.ui.chips.Chip;
import io.atelier.tageditor.ui.chips.ChipModel;
import io.atelier.tageditor.ui.chips.ChipStrip;
import io.atelier.tageditor.ui.complete.SuggestionSource;
import io.atelier.tageditor.ui.complete.TagField;
import io.atelier.tagger.model.TagCategory;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import org.openide.util.NbBundle.Messages;

/**
 * The caption of the image being edited: its tags as chips, the field new tags are typed into with suggestions, and
 * a line saying what is special about the file (not readable, another encoding, several lines). Every edit goes to
 * {@link CaptionEditing}; the panel shows what the index holds.
 */
@Messages({
    "LBL_NoImage=Select an image to edit its tags.",
    "LBL_AddTag=Add tag:",
    "# {0} - tags",
    "LBL_TagCount={0,choice,0#no tags|1#1 tag|1<{0} tags}",
    "LBL_Saving=saving\u2026",
    "HINT_Keys=<html>Enter adds \u00b7 \u2193 picks a suggestion \u00b7 Alt+\u2190/\u2192: image<br>"
        + "Chip: Delete removes \u00b7 Ctrl+\u2190/\u2192 or drag moves \u00b7 F2 edits</html>",
    "LBL_InFile=As written to the caption file:",
    "# {0} - reason",
    "LBL_Unreadable=Not editable: {0}",
    "# {0} - warning",
    "LBL_Warning=Note: {0}",
    "LBL_Busy=A batch is being written; editing resumes when it is done.",
    "# {0} - tag", "UNDO_Add=Add \u201c{0}\u201d",
    "# {0} - count", "UNDO_AddMany=Add {0} tags",
    "# {0} - tag", "UNDO_Remove=Remove \u201c{0}\u201d",
    "# {0} - tag", "UNDO_Move=Move \u201c{0}\u201d",
    "# {0} - old tag", "# {1} - new tag", "UNDO_Rename=Rename \u201c{0}\u201d to \u201c{1}\u201d"
})
public final class CaptionEditorPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient CaptionIndex index;
    private final transient CaptionEditing editing;
    private final transient Supplier<String> trigger;
    private final transient SuggestionSource suggestions;
    private final transient PredictionMarks predictions;
    private final JLabel title = new JLabel(" ");
    private final JLabel note = new JLabel();
    private final JTextArea written = new JTextArea();
    private final ChipStrip chips;
    private final TagField field;
    private transient Path image;
    private boolean busy;

    public CaptionEditorPanel(CaptionIndex index, CaptionEditing editing, Supplier<String> trigger,
            SuggestionSource suggestions, PredictionMarks predictions) {
        super(new BorderLayout(0, 6));
        this.index = index;
        this.editing = editing;
        this.trigger = trigger;
        this.suggestions = suggestions;
        this.predictions = predictions;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        chips = new ChipStrip(new ChipActions());
        field = new TagField(typed -> suggestions.suggest(typed, index.caption(image).tags()), new FieldActions());

        title.setName("captionTitle");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        note.setName("captionNote");
        Color warn = UIManager.getColor("Actions.Red");
        note.setForeground(warn == null ? new Color(0xC0392B) : warn);
        shrinkable(title);
        shrinkable(note);

        // the field above the chips: its suggestions drop down over them, not over the status line
        JPanel input = new JPanel(new BorderLayout(6, 2));
        JLabel label = new JLabel(Bundle.LBL_AddTag());
        label.setLabelFor(field);
        label.setDisplayedMnemonic('A');
        input.add(label, BorderLayout.WEST);
        input.add(field, BorderLayout.CENTER);
        JLabel hint = new JLabel(Bundle.HINT_Keys());
        hint.setFont(hint.getFont().deriveFont(Math.max(10f, hint.getFont().getSize2D() - 2)));
        hint.setForeground(UIManager.getColor("Label.disabledForeground"));
        hint.setToolTipText(Bundle.HINT_Keys());
        shrinkable(hint);
        input.add(hint, BorderLayout.SOUTH);

        JPanel head = new JPanel();
        head.setLayout(new BoxLayout(head, BoxLayout.Y_AXIS));
        title.setAlignmentX(LEFT_ALIGNMENT);
        note.setAlignmentX(LEFT_ALIGNMENT);
        input.setAlignmentX(LEFT_ALIGNMENT);
        head.add(title);
        head.add(note);
        head.add(javax.swing.Box.createVerticalStrut(4));
        head.add(input);
        add(head, BorderLayout.NORTH);

        JScrollPane scroll = new JScrollPane(chips);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        add(scroll, BorderLayout.CENTER);

        // the line sd-scripts will read, so what the chips mean is never in doubt
        written.setName("captionText");
        written.setEditable(false);
        written.setLineWrap(true);
        written.setWrapStyleWord(true);
        written.setRows(3);
        written.setForeground(UIManager.getColor("Label.disabledForeground"));
        JPanel file = new JPanel(new BorderLayout(0, 2));
        file.add(new JLabel(Bundle.LBL_InFile()), BorderLayout.NORTH);
        JScrollPane writtenScroll = new JScrollPane(written);
        writtenScroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        file.add(writtenScroll, BorderLayout.CENTER);
        add(file, BorderLayout.SOUTH);
        show(null);
    }

    /** A label with long text must not make the window wider than the screen: it is cut instead. */
    private static void shrinkable(JLabel l) {
        l.setMinimumSize(new java.awt.Dimension(0, l.getPreferredSize().height));
    }

    /** Edits {@code image}'s caption (null: none). */
    public void show(Path image) {
        this.image = image;
        refresh();
    }

    public Path image() {
        return image;
    }

    /** While a batch or an auto-tag run writes captions, the editor only shows them. */
    public void setBusy(boolean busy) {
        this.busy = busy;
        refresh();
    }

    /** Shows the caption as the index has it now. */
    public void refresh() {
        boolean editable = image != null && index.editable(image) && !busy;
        field.setEnabled(editable);
        chips.setEnabled(editable);
        if (image == null || !index.contains(image)) {
            title.setText(Bundle.LBL_NoImage());
            note.setVisible(false);
            chips.setChips(List.of(), ChipStrip.Marks.NONE);
            written.setText("");
            return;
        }
        ChipModel model = model();
        long tags = model.caption().size();
        title.setText(image.getFileName() + "  \u00b7  " + Bundle.LBL_TagCount(tags)
                + (index.pending(image) ? "  \u00b7  " + Bundle.LBL_Saving() : ""));
        String n = noteText();
        note.setText(n);
        note.setVisible(!n.isBlank());
        chips.setChips(model.chips(), new Marks(image));
        written.setText(model.caption().text());
        written.setCaretPosition(0);
    }

    private String noteText() {
        if (busy) {
            return Bundle.LBL_Busy();
        }
        String problem = index.problem(image);
        if (problem != null) {
            return Bundle.LBL_Unreadable(problem);
        }
        CaptionText disk = index.disk(image);
        return disk != null && disk.warning() != null ? Bundle.LBL_Warning(disk.warning()) : " ";
    }

    /** Puts the keyboard in the tag field. */
    public void focusField() {
        field.requestFocusInWindow();
    }

    public TagField field() {
        return field;
    }

    public ChipStrip chips() {
        return chips;
    }

    private ChipModel model() {
        return new ChipModel(index.caption(image), trigger.get());
    }

    private void edit(Caption next, String what) {
        if (image != null && !busy) {
            editing.edit(image, next, what);
        }
    }

    /** The chip's category from the tagger vocabulary, and the marker of a tag a model wrote. */
    private final class Marks implements ChipStrip.Marks {
        private final Path of;

        Marks(Path of) {
            this.of = of;
        }

        @Override
        public TagCategory category(String tag) {
            return suggestions.vocabulary().category(tag);
        }

        @Override
        public String predicted(String tag) {
            PredictionMarks.Mark m = predictions.mark(of, tag);
            return m == null ? null : PredictionMarks.describe(m);
        }
    }

    private final class ChipActions implements ChipStrip.Actions {
        @Override
        public void remove(Chip chip) {
            edit(model().removed(chip.index()), Bundle.UNDO_Remove(chip.tag()));
        }

        @Override
        public void move(Chip chip, int to) {
            edit(model().moved(chip.index(), to), Bundle.UNDO_Move(chip.tag()));
        }

        @Override
        public void rename(Chip chip, String tag) {
            edit(model().replaced(chip.index(), tag), Bundle.UNDO_Rename(chip.tag(), tag.strip()));
        }

        @Override
        public void leave() {
            field.requestFocusInWindow();
        }
    }

    private final class FieldActions implements TagField.Listener {
        @Override
        public void add(List<String> tags) {
            Caption next = model().caption();
            for (String tag : tags) {
                next = new ChipModel(next, trigger.get()).added(tag);
            }
            edit(next, tags.size() == 1 ? Bundle.UNDO_Add(tags.get(0).strip()) : Bundle.UNDO_AddMany(tags.size()));
        }

        @Override
        public void back() {
            chips.focusLast();
        }
    }
}
