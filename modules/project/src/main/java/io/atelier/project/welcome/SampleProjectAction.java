package io.atelier.project.welcome;

import io.atelier.core.project.TriggerWord;
import io.atelier.core.sample.SampleProject;
import io.atelier.project.store.StoreService;
import io.atelier.project.wizard.FolderNames;
import io.atelier.project.wizard.ProjectOpener;
import io.atelier.project.wizard.ProjectsFolder;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Creates the sample project (generated images with captions) in the projects folder and opens it, so a new
 * user can try every module without images of their own.
 */
@Messages({
    "PROGRESS_Sample=Creating the sample project",
    "# {0} - reason",
    "ERR_Sample=The sample project was not created: {0}"
})
public final class SampleProjectAction {

    static final int IMAGES = 12;
    private static final RequestProcessor RP = new RequestProcessor("Sample project", 1);

    private SampleProjectAction() {
    }

    public static void createInBackground() {
        Path parent = ProjectsFolder.get();
        RP.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle(Bundle.PROGRESS_Sample());
            progress.start();
            try {
                Files.createDirectories(parent);
                Path folder = FolderNames.unused(parent, "atelier-sample");
                SampleProject.create(folder, IMAGES, unusedTrigger());
                ProjectOpener.open(folder);
            } catch (IOException | RuntimeException e) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                        Bundle.ERR_Sample(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
            } finally {
                progress.finish();
            }
        });
    }

    /** The sample's trigger word, numbered when an earlier sample already uses it. */
    private static String unusedTrigger() {
        Set<String> taken;
        try {
            taken = StoreService.store().projects().list().stream()
                    .map(r -> TriggerWord.key(r.project().triggerWord())).collect(Collectors.toSet());
        } catch (StoreException | StoreAccessException e) {
            taken = Set.of();
        }
        String trigger = SampleProject.TRIGGER;
        for (int i = 2; taken.contains(trigger); i++) {
            trigger = SampleProject.TRIGGER + i;
        }
        return trigger;
    }
}
