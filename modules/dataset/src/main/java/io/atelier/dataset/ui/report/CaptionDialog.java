package io.atelier.dataset.ui.report;

import java.awt.BorderLayout;
import java.awt.Dimension;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.util.NbBundle.Messages;

/** Asks for the caption of an image that has none, starting it with the project's trigger word. */
@Messages({
    "# {0} - image file",
    "TITLE_WriteCaption=Caption for {0}",
    "LBL_WriteCaption=Comma-separated tags, the trigger word first:"
})
public final class CaptionDialog {

    private CaptionDialog() {
    }

    /** The caption the user wrote, or null when cancelled or left blank. Event thread. */
    public static String ask(String imageName, String triggerWord) {
        JTextArea text = new JTextArea(triggerWord == null || triggerWord.isBlank() ? "" : triggerWord + ", ", 4, 40);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(Bundle.LBL_WriteCaption()), BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(text);
        scroll.setPreferredSize(new Dimension(460, 110));
        panel.add(scroll, BorderLayout.CENTER);
        panel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        DialogDescriptor d = new DialogDescriptor(panel, Bundle.TITLE_WriteCaption(imageName));
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) {
            return null;
        }
        String caption = text.getText().strip();
        return caption.isEmpty() ? null : caption;
    }
}
