package io.atelier.project.basemodel;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.basemodel.BaseModelInspector;
import io.atelier.core.basemodel.FamilyDetection;
import io.atelier.project.store.StoreService;
import io.atelier.store.DuplicateBaseModelException;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Registers one checkpoint: reads its header to propose a family (milliseconds), lets the user confirm name and
 * family, then hashes the file in the background with a cancellable progress bar (minutes for a 7 GB file).
 */
@Messages({
    "TITLE_Register=Register Base Model",
    "LBL_ModelName=Name:",
    "LBL_ModelFamily=Family:",
    "# {0} - detection reason",
    "LBL_Detected=<html>Detected: {0}</html>",
    "# {0} - file name",
    "PROGRESS_Hashing=Hashing {0}",
    "# {0} - reason",
    "ERR_Register=Not registered: {0}",
    "# {0} - file",
    "# {1} - name",
    "ERR_AlreadyRegistered={0} is already registered as \"{1}\""
})
final class BaseModelRegistration {

    private static final RequestProcessor RP = new RequestProcessor("Base model registration", 1, true);

    private BaseModelRegistration() {
    }

    /** Starts the registration of {@code file}; {@code done} runs on the event thread after a success. */
    static void start(Path file, Runnable done) {
        RP.post(() -> {
            BaseModelInspector inspector = new BaseModelInspector();
            FamilyDetection detection;
            try {
                // refuse a registered file before minutes of hashing, not after
                Optional<BaseModel> existing = StoreService.store().baseModels()
                        .findByFile(file.toAbsolutePath().normalize());
                if (existing.isPresent()) {
                    fail(Bundle.ERR_AlreadyRegistered(file, existing.get().name()));
                    return;
                }
                detection = inspector.detect(file);
            } catch (IOException | StoreException | StoreAccessException e) {
                fail(e.getMessage());
                return;
            }
            FamilyDetection detected = detection;
            SwingUtilities.invokeLater(() -> confirmThenHash(inspector, file, detected, done));
        });
    }

    private static void confirmThenHash(BaseModelInspector inspector, Path file, FamilyDetection detection,
            Runnable done) {
        String fileName = file.getFileName().toString();
        JTextField name = new JTextField(fileName.replaceFirst("\\.safetensors$", ""), 28);
        JComboBox<BaseModelFamily> family = new JComboBox<>(BaseModelFamily.values());
        family.setSelectedItem(detection.family());
        JPanel form = new JPanel(new java.awt.GridLayout(0, 1, 0, 4));
        form.add(new JLabel(Bundle.LBL_ModelName()));
        form.add(name);
        form.add(new JLabel(Bundle.LBL_ModelFamily()));
        form.add(family);
        form.add(new JLabel(Bundle.LBL_Detected(detection.reason())));
        NotifyDescriptor confirm = new NotifyDescriptor.Confirmation(form, Bundle.TITLE_Register(),
                NotifyDescriptor.OK_CANCEL_OPTION, NotifyDescriptor.PLAIN_MESSAGE);
        if (DialogDisplayer.getDefault().notify(confirm) != NotifyDescriptor.OK_OPTION) {
            return;
        }
        String chosenName = name.getText();
        BaseModelFamily chosenFamily = (BaseModelFamily) family.getSelectedItem();
        AtomicBoolean cancelled = new AtomicBoolean();
        RP.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle(Bundle.PROGRESS_Hashing(fileName), () -> {
                cancelled.set(true);
                return true;
            });
            progress.start(1000);
            try {
                BaseModel model = inspector.inspect(file, chosenName, chosenFamily,
                        (doneBytes, total) -> progress.progress((int) (total == 0 ? 1000 : doneBytes * 1000 / total)),
                        cancelled::get);
                StoreService.store().baseModels().add(model);
                SwingUtilities.invokeLater(done);
            } catch (CancellationException e) {
                // the user stopped it; nothing was registered
            } catch (IOException | StoreException | StoreAccessException | DuplicateBaseModelException e) {
                fail(e.getMessage());
            } finally {
                progress.finish();
            }
        });
    }

    private static void fail(String reason) {
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(Bundle.ERR_Register(reason),
                NotifyDescriptor.WARNING_MESSAGE));
    }
}
