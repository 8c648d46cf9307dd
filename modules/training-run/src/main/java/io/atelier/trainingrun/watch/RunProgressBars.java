package io.atelier.trainingrun.watch;

import io.atelier.core.run.RunEvent;
import io.atelier.runner.RunException;
import io.atelier.runner.RunService;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.RequestProcessor;

/**
 * A NetBeans progress bar per live run this app drives: determinate in steps once the engine says how many, with the
 * rate and time left; cancelling it stops the run (after asking).
 */
final class RunProgressBars {

    private static final RequestProcessor RP = new RequestProcessor("Run stop", 1);

    private final RunService service;
    private final Map<UUID, Bar> bars = new ConcurrentHashMap<>();

    private static final class Bar {
        final ProgressHandle handle;
        long total = -1;

        Bar(ProgressHandle handle) {
            this.handle = handle;
        }
    }

    RunProgressBars(RunService service) {
        this.service = service;
    }

    void progress(UUID run, String name, RunEvent.Progress p) {
        Bar bar = bars.computeIfAbsent(run, id -> {
            ProgressHandle h = ProgressHandle.createHandle("Training " + name, () -> askStop(id, name));
            h.start();
            return new Bar(h);
        });
        if (p.totalSteps() > 0 && p.totalSteps() <= Integer.MAX_VALUE) {
            if (bar.total != p.totalSteps()) {
                bar.total = p.totalSteps();
                bar.handle.switchToDeterminate((int) p.totalSteps());
            }
            bar.handle.progress(Eta.text(p), (int) Math.min(p.step(), p.totalSteps()));
        } else {
            bar.handle.progress(Eta.text(p));
        }
    }

    void finish(UUID run) {
        Bar bar = bars.remove(run);
        if (bar != null) {
            bar.handle.finish();
        }
    }

    /** Bars of runs this app no longer drives (ended, or failed to start) go. */
    void dropEnded() {
        bars.keySet().stream().filter(id -> !service.drives(id)).toList().forEach(this::finish);
    }

    /** The bar's cancel button: asks, then stops the run; the bar stays until the run has ended. */
    private boolean askStop(UUID run, String name) {
        NotifyDescriptor ask = new NotifyDescriptor.Confirmation("Stop the run " + name
                + "? It can be resumed later.", "Stop run", NotifyDescriptor.YES_NO_OPTION);
        if (DialogDisplayer.getDefault().notify(ask) != NotifyDescriptor.YES_OPTION) {
            return false;
        }
        RP.post(() -> {
            try {
                service.stop(run);
            } catch (RunException e) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(e.getMessage(),
                        NotifyDescriptor.ERROR_MESSAGE));
            }
        });
        return false;
    }
}
