package io.atelier.project.wizard;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import io.atelier.project.store.StoreService;
import io.atelier.store.RegisteredProject;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.awt.Dialog;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.WizardDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/** File > New LoRA Project: the wizard, then the folder is created, registered and opened in the background. */
@ActionID(category = "File", id = "io.atelier.project.wizard.NewLoraProjectAction")
@ActionRegistration(displayName = "#CTL_NewLoraProject", iconBase = "io/atelier/project/resources/project.png")
@ActionReferences({
    @ActionReference(path = "Menu/File", position = 5),
    @ActionReference(path = "Toolbars/File", position = 5),
    @ActionReference(path = "Shortcuts", name = "DS-L")
})
@Messages({
    "CTL_NewLoraProject=New &LoRA Project...",
    "TITLE_NewLoraProject=New LoRA Project",
    "# {0} - folder",
    "PROGRESS_Creating=Creating LoRA project in {0}",
    "# {0} - reason",
    "ERR_CreateFailed=The project was not created: {0}",
    "# {0} - trigger word",
    "# {1} - other project",
    "# {2} - its folder",
    "ERR_TriggerTakenMeanwhile=the trigger word \"{0}\" was taken by \"{1}\" in {2} while the wizard was open"
})
public final class NewLoraProjectAction implements ActionListener {

    private static final RequestProcessor RP = new RequestProcessor("New LoRA Project", 1);
    private static final Logger LOG = Logger.getLogger(NewLoraProjectAction.class.getName());

    @Override
    public void actionPerformed(ActionEvent e) {
        Path location = ProjectsFolder.get();
        NewLoraProjectWizardPanel panel = new NewLoraProjectWizardPanel(location);
        RP.post(() -> loadLibrary(panel));
        WizardDescriptor wizard = new WizardDescriptor(new WizardDescriptor.ArrayIterator<>(List.of(panel)));
        // one step: the window keeps the wizard's name rather than the step's
        wizard.setTitleFormat(new java.text.MessageFormat(Bundle.TITLE_NewLoraProject()));
        Dialog dialog = DialogDisplayer.getDefault().createDialog(wizard);
        dialog.setVisible(true);
        if (wizard.getValue() == WizardDescriptor.FINISH_OPTION) {
            LoraProject project = LoraProject.create((String) wizard.getProperty("name"),
                    (String) wizard.getProperty("trigger"), (LoraKind) wizard.getProperty("kind"),
                    (BaseModelFamily) wizard.getProperty("family"));
            Path folder = (Path) wizard.getProperty("folder");
            RP.post(() -> create(project, folder));
        }
    }

    private static void loadLibrary(NewLoraProjectWizardPanel panel) {
        try {
            var projects = StoreService.store().projects().list();
            SwingUtilities.invokeLater(() -> panel.libraryLoaded(projects));
        } catch (StoreException | StoreAccessException e) {
            // without the store no uniqueness check is possible; creating the project still works
            SwingUtilities.invokeLater(() -> panel.libraryUnavailable(e.getMessage()));
        }
    }

    private static Optional<RegisteredProject> triggerWordUser(LoraProject project) {
        try {
            return StoreService.store().projects().findByTriggerWord(project.triggerWord()).stream().findFirst();
        } catch (StoreException | StoreAccessException e) {
            return Optional.empty(); // the wizard already said the word could not be checked
        }
    }

    private static void create(LoraProject project, Path folder) {
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.PROGRESS_Creating(folder));
        progress.start();
        try {
            // the wizard checked a snapshot; the CLI may have taken the word since
            Optional<RegisteredProject> taken = triggerWordUser(project);
            if (taken.isPresent()) {
                throw new IOException(Bundle.ERR_TriggerTakenMeanwhile(project.triggerWord(),
                        taken.get().project().name(), taken.get().folder()));
            }
            ProjectFolders.create(folder, project);
            ProjectOpener.open(folder);
        } catch (IOException ex) {
            LOG.log(Level.FINE, "Creating " + folder + " failed", ex); // the dialog tells the user
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    Bundle.ERR_CreateFailed(ex.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
        } finally {
            progress.finish();
        }
    }
}
