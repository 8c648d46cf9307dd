package io.atelier.trainingrun.actions;

import io.atelier.core.project.ProjectLayout;
import io.atelier.core.run.TrainingEngine;
import io.atelier.project.api.ProjectNodeExtensions;
import io.atelier.runner.RunException;
import io.atelier.runner.RunService;
import io.atelier.store.StoreException;
import io.atelier.store.StoredRun;
import io.atelier.trainingrun.runs.RunsTopComponent;
import io.atelier.trainingrun.service.AppRuns;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.netbeans.api.project.Project;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Train…: freezes the project's run as it is now (hashing the dataset, with a cancellable progress bar) and queues it
 * with the sd-scripts engine, or the engine the user picks when there are several; then shows it in the Runs window.
 */
@ActionID(category = "Project", id = "io.atelier.trainingrun.actions.TrainAction")
@ActionRegistration(displayName = "#CTL_Train")
@ActionReference(path = ProjectNodeExtensions.PROJECT_ACTIONS, position = 500)
@Messages("CTL_Train=Train\u2026")
public final class TrainAction implements ActionListener {

    public static final String PREFERRED_ENGINE = "sd-scripts";
    private static final Logger LOG = Logger.getLogger(TrainAction.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Queueing runs", 1);

    private final Project context;

    public TrainAction(Project context) {
        this.context = context;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectLayout layout = context.getLookup().lookup(ProjectLayout.class);
        if (layout == null) {
            return;
        }
        RP.post(() -> queue(layout));
    }

    private static void queue(ProjectLayout layout) {
        String project = layout.root().getFileName().toString();
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressHandle progress = ProgressHandle.createHandle("Queueing a run of " + project, () -> {
            cancelled.set(true);
            return true;
        });
        try {
            RunService service = AppRuns.service();
            String engine = chooseEngine(service.engines().engines());
            if (engine == null) {
                return;
            }
            progress.start();
            progress.progress("Hashing the dataset and freezing the configuration");
            StoredRun run = service.submit(layout.root(), engine, cancelled::get);
            SwingUtilities.invokeLater(() -> RunsTopComponent.open(project).select(run.id()));
        } catch (RunException e) {
            if (!cancelled.get()) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("The run of " + project
                        + " cannot be queued: " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            }
        } catch (StoreException | RuntimeException e) {
            LOG.log(Level.INFO, "Cannot queue a run of " + layout.root(), e);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("The run of " + project
                    + " cannot be queued: " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
        } finally {
            progress.finish();
        }
    }

    /** sd-scripts when it is the only engine; else the user's pick (null when cancelled or there is none). */
    private static String chooseEngine(List<TrainingEngine> engines) {
        if (engines.isEmpty()) {
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                    "No training engine is installed.", NotifyDescriptor.ERROR_MESSAGE));
            return null;
        }
        if (engines.size() == 1) {
            return engines.get(0).id();
        }
        JComboBox<String> box = new JComboBox<>(engines.stream().map(TrainingEngine::id).toArray(String[]::new));
        box.setSelectedItem(engines.stream().anyMatch(e -> e.id().equals(PREFERRED_ENGINE))
                ? PREFERRED_ENGINE : engines.get(0).id());
        JPanel panel = new JPanel();
        panel.add(new JLabel("Train with:"));
        panel.add(box);
        NotifyDescriptor ask = new NotifyDescriptor(panel, "Choose the engine", NotifyDescriptor.OK_CANCEL_OPTION,
                NotifyDescriptor.QUESTION_MESSAGE, null, NotifyDescriptor.OK_OPTION);
        return DialogDisplayer.getDefault().notify(ask) == NotifyDescriptor.OK_OPTION
                ? (String) box.getSelectedItem() : null;
    }
}
