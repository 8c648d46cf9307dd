package io.atelier.tageditor.ui.autotag;

import io.atelier.tageditor.ui.batch.BatchScope;
import java.awt.Dialog;
import javax.swing.JButton;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.util.NbBundle.Messages;

/**
 * Asks how to auto-tag: shows the {@link AutoTagForm} with the settings used last, remembers what the user chose,
 * and returns the run to start. Tag is enabled while the model folder holds a model and there are images.
 */
@Messages({
    "# {0} - project", "TITLE_AutoTag=Auto-tag \u2014 {0}",
    "BTN_Tag=Tag"
})
public final class AutoTagDialog {

    private AutoTagDialog() {
    }

    /** Shows the dialog (event thread; modal); null when the user cancelled. */
    public static AutoTagJob.Request ask(String project, BatchScope scope, BatchScope.Choice choice, String trigger) {
        JButton tag = new JButton(Bundle.BTN_Tag());
        tag.setName("autoTagStart");
        AutoTagForm[] form = new AutoTagForm[1];
        form[0] = new AutoTagForm(AutoTagPreferences.modelFolder(), scope, choice, AutoTagPreferences.settings(),
                AutoTagPreferences.mode(), () -> {
                    if (form[0] != null) {
                        tag.setEnabled(form[0].problem() == null && !form[0].images().isEmpty());
                    }
                });
        tag.setEnabled(form[0].problem() == null && !form[0].images().isEmpty());
        DialogDescriptor dd = new DialogDescriptor(form[0], Bundle.TITLE_AutoTag(project), true,
                new Object[]{tag, DialogDescriptor.CANCEL_OPTION}, tag, DialogDescriptor.DEFAULT_ALIGN, null, null);
        dd.setClosingOptions(new Object[]{tag, DialogDescriptor.CANCEL_OPTION});
        Dialog dialog = DialogDisplayer.getDefault().createDialog(dd);
        try {
            dialog.setVisible(true);
        } finally {
            dialog.dispose();
        }
        if (dd.getValue() != tag) {
            return null;
        }
        AutoTagForm f = form[0];
        AutoTagPreferences.setModelFolder(f.modelFolder());
        AutoTagPreferences.save(f.settings(), f.mode());
        return new AutoTagJob.Request(f.images(), f.modelFolder(), f.settings(), f.mode(), trigger);
    }
}
