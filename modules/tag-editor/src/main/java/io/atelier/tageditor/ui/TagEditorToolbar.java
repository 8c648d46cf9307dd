package io.atelier.tageditor.ui;

import java.awt.BorderLayout;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToolBar;
import org.openide.util.NbBundle.Messages;

/** The Tag editor's toolbar: batch edits, the trigger word, auto-tagging, reloading; the trigger word on the right. */
@Messages({
    "BTN_BatchEdit=Batch Edit\u2026",
    "HINT_BatchEdit=Add, remove, replace, find and replace, sort or clean tags over all, filtered or selected images, "
        + "with a preview (one undo step)",
    "BTN_TriggerFirst=Trigger Word First\u2026",
    "HINT_TriggerFirst=Insert the project's trigger word, or move it, to the front of every caption",
    "BTN_AutoTag=Auto-tag\u2026",
    "HINT_AutoTag=Tag images with a WD14 tagger model (one undo step)",
    "BTN_Reload=Reload",
    "HINT_Reload=Read the images and captions again from disk",
    "# {0} - trigger word", "LBL_Trigger=Trigger word: {0}",
    "LBL_NoTrigger=No trigger word (atelier.json cannot be read)"
})
final class TagEditorToolbar extends JPanel {

    private static final long serialVersionUID = 1L;

    /** What the buttons do. */
    interface Commands {
        void batchEdit();

        void triggerFirst();

        void autoTag();

        void reload();
    }

    final JButton batch = button(Bundle.BTN_BatchEdit(), Bundle.HINT_BatchEdit());
    final JButton trigger = button(Bundle.BTN_TriggerFirst(), Bundle.HINT_TriggerFirst());
    final JButton autoTag = button(Bundle.BTN_AutoTag(), Bundle.HINT_AutoTag());
    final JButton reload = button(Bundle.BTN_Reload(), Bundle.HINT_Reload());
    private final JLabel triggerWord = new JLabel(" ");

    TagEditorToolbar(Commands commands) {
        super(new BorderLayout());
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(batch);
        bar.add(trigger);
        bar.add(autoTag);
        bar.addSeparator();
        bar.add(reload);
        bar.add(Box.createHorizontalGlue());
        batch.addActionListener(e -> commands.batchEdit());
        trigger.addActionListener(e -> commands.triggerFirst());
        autoTag.addActionListener(e -> commands.autoTag());
        reload.addActionListener(e -> commands.reload());
        add(bar, BorderLayout.CENTER);
        triggerWord.setName("tagTriggerWord");
        triggerWord.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 10));
        add(triggerWord, BorderLayout.EAST);
    }

    private static JButton button(String text, String hint) {
        JButton b = new JButton(text);
        b.setToolTipText(hint);
        b.setFocusable(false);
        return b;
    }

    void showTrigger(String word) {
        triggerWord.setText(word == null ? Bundle.LBL_NoTrigger() : Bundle.LBL_Trigger(word));
    }

    void setBusy(boolean busy, boolean hasTrigger) {
        batch.setEnabled(!busy);
        trigger.setEnabled(!busy && hasTrigger);
        autoTag.setEnabled(!busy);
        reload.setEnabled(!busy);
    }
}
