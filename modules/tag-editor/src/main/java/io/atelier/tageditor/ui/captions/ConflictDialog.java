package io.atelier.tageditor.ui.captions;

import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionText;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.nio.file.Path;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.util.NbBundle.Messages;

/**
 * Shows both versions of a caption that another program changed under an edit, and asks which one wins. Closing the
 * dialog keeps the file on disk; the user's version stays in the dialog's text to copy from until then.
 */
@Messages({
    "TITLE_Conflict=Caption Changed on Disk",
    "# {0} - caption file",
    "MSG_Conflict=<html><b>{0}</b> was changed by another program after the Tag editor read it.<br>"
        + "Which version do you want to keep? (Closing this keeps the file as it is on disk.)</html>",
    "LBL_Mine=Your edit",
    "LBL_Theirs=On disk now",
    "# {0} - problem", "LBL_TheirsUnreadable=(cannot be read: {0})",
    "LBL_TheirsGone=(the file was removed)",
    "BTN_KeepMine=Keep My Edit",
    "BTN_UseTheirs=Use the File on Disk"
})
public final class ConflictDialog implements ConflictResolver {

    @Override
    public Choice resolve(Path image, Caption mine, CaptionText theirs) {
        JButton keep = new JButton(Bundle.BTN_KeepMine());
        JButton use = new JButton(Bundle.BTN_UseTheirs());
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        panel.add(new JLabel(Bundle.MSG_Conflict(theirs.file().getFileName())), BorderLayout.NORTH);
        JPanel both = new JPanel(new GridLayout(1, 2, 8, 0));
        both.add(version(Bundle.LBL_Mine(), mine.text()));
        both.add(version(Bundle.LBL_Theirs(), theirsText(theirs)));
        panel.add(both, BorderLayout.CENTER);
        DialogDescriptor dd = new DialogDescriptor(panel, Bundle.TITLE_Conflict(), true, new Object[]{keep, use}, use,
                DialogDescriptor.DEFAULT_ALIGN, null, null);
        dd.setClosingOptions(new Object[]{keep, use});
        DialogDisplayer.getDefault().createDialog(dd).setVisible(true);
        return dd.getValue() == keep ? Choice.KEEP_MINE : Choice.USE_THEIRS;
    }

    private static String theirsText(CaptionText theirs) {
        if (theirs.warning() != null && theirs.text().isEmpty() && !theirs.exists()) {
            return Bundle.LBL_TheirsUnreadable(theirs.warning());
        }
        if (!theirs.exists()) {
            return Bundle.LBL_TheirsGone();
        }
        return theirs.text().strip();
    }

    private static JPanel version(String title, String text) {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.add(new JLabel(title), BorderLayout.NORTH);
        JTextArea area = new JTextArea(text);
        area.setEditable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setCaretPosition(0);
        JScrollPane scroll = new JScrollPane(area);
        scroll.setPreferredSize(new Dimension(320, 160));
        p.add(scroll, BorderLayout.CENTER);
        return p;
    }
}
