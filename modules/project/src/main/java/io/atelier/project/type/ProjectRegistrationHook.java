package io.atelier.project.type;

import io.atelier.core.project.LoraProject;
import io.atelier.project.store.StoreService;
import io.atelier.store.RegisteredProject;
import io.atelier.store.Store;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import io.atelier.core.project.FolderCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.spi.project.ui.ProjectOpenedHook;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Registers a project in the store when it is opened, so the LoRA Library lists it, and tells the user
 * once about a broken {@code atelier.json} or a trigger word another project already uses.
 */
@Messages({
    "# {0} - project folder",
    "TITLE_BrokenDescriptor=Cannot read the project in {0}",
    "# {0} - trigger word",
    "# {1} - other project names",
    "TITLE_DuplicateTrigger=Trigger word \"{0}\" is also used by {1}",
    "MSG_DuplicateTrigger=A trigger word must be unique so the LoRA links it only to its own dataset. Rename it in one of the projects.",
    "# {0} - project name",
    "TITLE_Copy=\"{0}\" is open from a copy of its folder",
    "# {0} - this folder",
    "# {1} - the original folder",
    "MSG_Copy={0} is a copy of {1} (same project id). The library keeps the original; create a new project for a separate LoRA.",
    "# {0} - project name",
    "TITLE_NotRegistered=\"{0}\" could not be added to the LoRA Library"
})
final class ProjectRegistrationHook extends ProjectOpenedHook {

    private static final Logger LOG = Logger.getLogger(ProjectRegistrationHook.class.getName());
    private static final RequestProcessor RP = new RequestProcessor(ProjectRegistrationHook.class.getName(), 1);

    private final LoraProjectImpl project;

    ProjectRegistrationHook(LoraProjectImpl project) {
        this.project = project;
    }

    @Override
    protected void projectOpened() {
        RP.post(this::register);
    }

    @Override
    protected void projectClosed() {
        // the project stays in the library; closing only removes it from the Projects window
    }

    private void register() {
        Optional<LoraProject> read = project.descriptor();
        if (read.isEmpty()) {
            StoreService.notifyProblem(Bundle.TITLE_BrokenDescriptor(project.layout().root()),
                    project.problem().orElse(""));
            return;
        }
        LoraProject descriptor = read.get();
        Path folder = project.layout().root();
        try {
            Store store = StoreService.store();
            Optional<RegisteredProject> same = store.projects().findById(descriptor.id());
            if (same.isPresent() && !same.get().folder().equals(folder)
                    && FolderCheck.of(descriptor.id(), same.get().folder()).state() == FolderCheck.State.OK) {
                // a copied folder carries the original's id; registering it would move the original's entry
                StoreService.notifyProblem(Bundle.TITLE_Copy(descriptor.name()),
                        Bundle.MSG_Copy(folder, same.get().folder()));
                return;
            }
            List<String> others = store.projects().findByTriggerWord(descriptor.triggerWord()).stream()
                    .filter(r -> !r.project().id().equals(descriptor.id()))
                    .map(r -> r.project().name() + " (" + r.folder() + ")")
                    .toList();
            store.projects().register(descriptor, folder);
            store.projects().markOpened(descriptor.id(), Instant.now());
            StoreService.libraryChanged();
            if (!others.isEmpty()) {
                StoreService.notifyProblem(Bundle.TITLE_DuplicateTrigger(descriptor.triggerWord(),
                        String.join(", ", others)), Bundle.MSG_DuplicateTrigger());
            }
        } catch (StoreException e) {
            // StoreService has told the user about the store itself
            LOG.log(Level.FINE, "store unavailable", e);
        } catch (StoreAccessException e) {
            StoreService.notifyProblem(Bundle.TITLE_NotRegistered(descriptor.name()), e.getMessage());
        }
    }
}
