package io.atelier.trainingrun.watch;

import io.atelier.core.run.RunEvent;
import io.atelier.runner.RunException;
import io.atelier.runner.RunService;
import io.atelier.store.StoredRun;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.RequestProcessor;

/**
 * What the app shows of the runs it drives, fed from the runner's batched events (on the runner's thread): a progress
 * bar per live run, its engine log in the Output window, a notification when it ends. Runs another process drives
 * (`atelier run start --wait`) get their notification too: on each change of the runs, a run seen live before and
 * ended now is announced.
 */
public final class RunWatch implements RunService.Listener {

    private static final Logger LOG = Logger.getLogger(RunWatch.class.getName());

    private final RunService service;
    private final RunProgressBars progress;
    private final Map<UUID, String> names = new ConcurrentHashMap<>();
    private static final RequestProcessor RP = new RequestProcessor("Run endings", 1);
    /** Runs announced through their own Finished event. */
    private final Set<UUID> announced = ConcurrentHashMap.newKeySet();
    /** The live runs at the last look; null before the first (nothing is announced from before the app started). */
    private Set<UUID> liveBefore;

    public RunWatch(RunService service) {
        this.service = service;
        this.progress = new RunProgressBars(service);
    }

    @Override
    public void runEvents(UUID runId, List<RunEvent> events) {
        String name = name(runId);
        RunOutputs.lines(runId, name, events);
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Progress p) {
                progress.progress(runId, name, p);
            } else if (e instanceof RunEvent.Finished f) {
                progress.finish(runId);
                announced.add(runId);
                RunEndNotifier.ended(name, f);
            }
        }
    }

    @Override
    public void runsChanged() {
        progress.dropEnded();
        RP.post(this::announceEndedElsewhere);
    }

    private void announceEndedElsewhere() {
        List<StoredRun> runs;
        try {
            runs = service.store().runs().list();
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Cannot read the runs to see which ended", e);
            return;
        }
        Set<UUID> live = new HashSet<>();
        for (StoredRun r : runs) {
            if (r.state().live()) {
                live.add(r.id());
            } else if (liveBefore != null && liveBefore.contains(r.id()) && r.state().ended()
                    && !announced.contains(r.id()) && !service.drives(r.id())) {
                announced.add(r.id());
                RunEndNotifier.ended(RunNames.of(r), new RunEvent.Finished(r.state(), r.reason()));
            }
        }
        liveBefore = live;
    }

    /** "project-folder (1a2b3c4d)" for a run; looked up once. */
    private String name(UUID runId) {
        return names.computeIfAbsent(runId, id -> {
            try {
                StoredRun run = service.run(id);
                return RunNames.of(run);
            } catch (RunException | RuntimeException e) {
                LOG.log(Level.INFO, "Cannot read run " + id + " for its name", e);
                return RunNames.shortId(id);
            }
        });
    }
}
