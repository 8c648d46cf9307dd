package io.atelier.project.wizard;

import io.atelier.core.io.Folders;
import io.atelier.core.project.ProjectFolders;
import io.atelier.core.project.ProjectName;
import io.atelier.core.project.TriggerWord;
import io.atelier.store.RegisteredProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.swing.event.ChangeListener;
import org.openide.WizardDescriptor;
import org.openide.util.ChangeSupport;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;

/**
 * Validates the New LoRA Project form as the user types: a name, a well-formed trigger word that no other
 * project in the library uses, and a writable location where the project folder does not exist yet.
 */
@Messages({
    "ERR_NameEmpty=Enter a project name.",
    "# {0} - other project",
    "ERR_TriggerTaken=The trigger word is already used by \"{0}\"; pick a unique one so the LoRA links it only to this dataset.",
    "# {0} - location",
    "ERR_LocationNotFolder={0} is not a folder.",
    "# {0} - folder",
    "ERR_FolderExists={0} already exists; choose another name or location.",
    "ERR_LibraryLoading=Checking the trigger word against the library...",
    "INFO_TriggerFirst=The trigger word will start every caption.",
    "# {0} - reason",
    "WARN_NotChecked=The trigger word cannot be checked against the library ({0})."
})
final class NewLoraProjectWizardPanel implements WizardDescriptor.Panel<WizardDescriptor> {

    private final ChangeSupport changes = new ChangeSupport(this);
    private final Path defaultLocation;
    private NewLoraProjectForm form;
    private WizardDescriptor wizard;
    private volatile List<RegisteredProject> library;
    private volatile String libraryProblem;

    NewLoraProjectWizardPanel(Path defaultLocation) {
        this.defaultLocation = defaultLocation;
    }

    /** The projects already in the library, loaded in the background while the user types. */
    void libraryLoaded(List<RegisteredProject> projects) {
        this.library = projects;
        changes.fireChange();
    }

    /** The library could not be read: the project can still be created, but its trigger word is not checked. */
    void libraryUnavailable(String reason) {
        this.libraryProblem = reason;
        libraryLoaded(List.of());
    }

    @Override
    public NewLoraProjectForm getComponent() {
        if (form == null) {
            form = new NewLoraProjectForm(defaultLocation, this::formChanged);
        }
        return form;
    }

    private void formChanged() {
        String base = FolderNames.fromName(form.name.getText());
        try {
            form.folder.setText(form.name.getText().isBlank() ? "" : Path.of(form.location.getText(), base).toString());
        } catch (InvalidPathException e) {
            form.folder.setText(""); // problem() names what is wrong with the location
        }
        changes.fireChange();
    }

    @Override
    public HelpCtx getHelp() {
        return HelpCtx.DEFAULT_HELP;
    }

    @Override
    public boolean isValid() {
        Optional<String> error = problem();
        if (wizard != null) {
            // error and info share one line in the wizard: set the one that applies last
            if (error.isPresent()) {
                wizard.putProperty(WizardDescriptor.PROP_ERROR_MESSAGE, error.get());
            } else if (libraryProblem != null) {
                wizard.putProperty(WizardDescriptor.PROP_ERROR_MESSAGE, null);
                wizard.putProperty(WizardDescriptor.PROP_WARNING_MESSAGE, Bundle.WARN_NotChecked(libraryProblem));
            } else {
                wizard.putProperty(WizardDescriptor.PROP_ERROR_MESSAGE, null);
                wizard.putProperty(WizardDescriptor.PROP_INFO_MESSAGE, Bundle.INFO_TriggerFirst());
            }
        }
        return error.isEmpty();
    }

    Optional<String> problem() {
        NewLoraProjectForm f = getComponent();
        if (f.name.getText().isBlank()) {
            return Optional.of(Bundle.ERR_NameEmpty());
        }
        try {
            ProjectName.require(f.name.getText());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String trigger;
        try {
            trigger = TriggerWord.require(f.trigger.getText());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        List<RegisteredProject> known = library;
        if (known == null) {
            return Optional.of(Bundle.ERR_LibraryLoading());
        }
        String key = TriggerWord.key(trigger);
        for (RegisteredProject p : known) {
            if (TriggerWord.key(p.project().triggerWord()).equals(key)) {
                return Optional.of(Bundle.ERR_TriggerTaken(p.project().name()));
            }
        }
        Path location;
        try {
            location = Path.of(f.location.getText().strip());
        } catch (InvalidPathException e) {
            return Optional.of(e.getMessage());
        }
        if (Files.exists(location) && !Files.isDirectory(location)) {
            return Optional.of(Bundle.ERR_LocationNotFolder(location));
        }
        Path existing = Folders.nearestExisting(location);
        if (existing == null) {
            return Optional.of(Bundle.ERR_LocationNotFolder(location));
        }
        try {
            // a location that does not exist yet is created with the project
            ProjectFolders.requireWritable(existing);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        Path folder = location.resolve(FolderNames.fromName(f.name.getText()));
        if (Files.exists(folder)) {
            return Optional.of(Bundle.ERR_FolderExists(folder));
        }
        return Optional.empty();
    }

    @Override
    public void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    @Override
    public void removeChangeListener(ChangeListener l) {
        changes.removeChangeListener(l);
    }

    @Override
    public void readSettings(WizardDescriptor settings) {
        wizard = settings;
    }

    @Override
    public void storeSettings(WizardDescriptor settings) {
        NewLoraProjectForm f = getComponent();
        settings.putProperty("name", f.name.getText().strip());
        settings.putProperty("trigger", f.trigger.getText().strip());
        settings.putProperty("kind", f.kind.getSelectedItem());
        settings.putProperty("family", f.family.getSelectedItem());
        settings.putProperty("folder", Path.of(f.location.getText().strip(), FolderNames.fromName(f.name.getText())));
    }
}
