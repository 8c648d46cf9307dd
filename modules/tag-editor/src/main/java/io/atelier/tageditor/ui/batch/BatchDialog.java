package io.atelier.tageditor.ui.batch;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.CaptionBatch;
import io.atelier.core.caption.CaptionEdit;
import java.awt.Dialog;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * The batch edit dialog: the user picks the images and the edit, sees what it would change (worked out from the
 * caption files in the background as they type) and applies it. Apply is enabled only while the preview shown is the
 * one of the current input and changes something; that preview, with the versions it read, is what gets written.
 */
@Messages({
    "# {0} - project", "TITLE_Batch=Batch Edit Captions \u2014 {0}",
    "BTN_Apply=Apply",
    "# {0} - reason", "ERR_PreviewFailed=Cannot work out the preview: {0}"
})
public final class BatchDialog {

    private static final Logger LOG = Logger.getLogger(BatchDialog.class.getName());

    private final BatchForm form;
    private final JButton apply = new JButton(Bundle.BTN_Apply());
    private final String trigger;
    private final RequestProcessor.Task computing;
    private final Timer typing;
    private int generation;
    private BatchPreview latest;
    private volatile Request request;

    /** What the background preview works on: one consistent snapshot of the form. */
    private record Request(int generation, List<Path> images, CaptionEdit edit) {
    }

    private BatchDialog(BatchScope scope, BatchOperation operation, BatchScope.Choice choice, String first,
            String trigger, RequestProcessor processor) {
        this.trigger = trigger;
        this.form = new BatchForm(scope, operation, choice, first, this::changed);
        this.computing = processor.create(this::compute);
        this.typing = new Timer(250, e -> schedule());
        typing.setRepeats(false);
        apply.setName("batchApply");
        apply.setEnabled(false);
    }

    /**
     * Shows the dialog (event thread; modal) and returns the preview to apply, or null when the user cancelled.
     *
     * @param first the tag to start with in the first field (e.g. the one selected in the statistics), or null
     */
    public static BatchPreview ask(String project, BatchScope scope, BatchOperation operation,
            BatchScope.Choice choice, String first, String trigger, RequestProcessor processor) {
        BatchDialog d = new BatchDialog(scope, operation, choice, first, trigger, processor);
        return d.show(Bundle.TITLE_Batch(project));
    }

    private BatchPreview show(String title) {
        DialogDescriptor dd = new DialogDescriptor(form, title, true, new Object[]{apply, DialogDescriptor.CANCEL_OPTION},
                apply, DialogDescriptor.DEFAULT_ALIGN, null, null);
        dd.setClosingOptions(new Object[]{apply, DialogDescriptor.CANCEL_OPTION});
        schedule();
        Dialog dialog = DialogDisplayer.getDefault().createDialog(dd);
        try {
            dialog.setVisible(true);
        } finally {
            typing.stop();
            computing.cancel();
            dialog.dispose();
        }
        return dd.getValue() == apply ? latest : null;
    }

    private void changed() {
        apply.setEnabled(false);
        typing.restart();
    }

    /** Reads the form on the event thread and starts the preview of it in the background. */
    private void schedule() {
        generation++;
        latest = null;
        apply.setEnabled(false);
        CaptionEdit edit;
        try {
            edit = form.edit(trigger);
        } catch (IllegalArgumentException e) {
            form.showError(e.getMessage());
            form.showPreview("");
            request = null;
            return;
        }
        form.showError(null);
        form.showComputing();
        request = new Request(generation, form.images(), edit);
        computing.schedule(0);
    }

    private void compute() {
        Request r = request;
        if (r == null) {
            return;
        }
        try {
            BatchPreview p = CaptionBatch.preview(r.images(), r.edit(), trigger);
            SwingUtilities.invokeLater(() -> shown(r.generation(), p));
        } catch (RuntimeException e) {
            // a regular expression can still fail on a given text (e.g. a bad group reference in the replacement)
            LOG.log(Level.FINE, "batch preview failed", e);
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            SwingUtilities.invokeLater(() -> {
                if (r.generation() == generation) {
                    form.showError(Bundle.ERR_PreviewFailed(reason));
                    form.showPreview("");
                }
            });
        }
    }

    private void shown(int of, BatchPreview p) {
        if (of != generation) {
            return;   // the input changed since; a newer preview is on its way
        }
        latest = p;
        form.showPreview(PreviewText.html(p));
        apply.setEnabled(!p.changes().isEmpty());
    }
}
