package io.atelier.project.type;

import io.atelier.core.project.LoraProject;
import io.atelier.project.store.StoreService;
import io.atelier.store.RegisteredProject;
import io.atelier.store.Store;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.spi.project.ui.ProjectOpenedHook;
import org.openide.awt.NotificationDisplayer;
import org.openide.util.ImageUtilities;
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
    "MSG_DuplicateTrigger=A trigger word must be unique so the LoRA links it only to its own dataset. Rename it in one of the projects."
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
        if (project.problem().isPresent()) {
            notify(Bundle.TITLE_BrokenDescriptor(project.layout().root()), project.problem().get());
            return;
        }
        LoraProject descriptor = project.descriptor().orElseThrow();
        try {
            Store store = StoreService.store();
            List<String> others = store.projects().findByTriggerWord(descriptor.triggerWord()).stream()
                    .filter(r -> !r.project().id().equals(descriptor.id()))
                    .map(r -> r.project().name() + " (" + r.folder() + ")")
                    .toList();
            store.projects().register(descriptor, project.layout().root());
            store.projects().markOpened(descriptor.id(), Instant.now());
            StoreService.libraryChanged();
            if (!others.isEmpty()) {
                notify(Bundle.TITLE_DuplicateTrigger(descriptor.triggerWord(), String.join(", ", others)),
                        Bundle.MSG_DuplicateTrigger());
            }
        } catch (StoreException | StoreAccessException e) {
            LOG.log(Level.INFO, "Project " + project.layout().root() + " not registered: store unavailable", e);
        }
    }

    private static void notify(String title, String details) {
        LOG.info(title + ": " + details);
        NotificationDisplayer.getDefault().notify(title,
                ImageUtilities.loadImageIcon(LoraProjectFactory.ICON, false), details, null,
                NotificationDisplayer.Priority.HIGH);
    }
}
