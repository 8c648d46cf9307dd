package io.atelier.trainingrun.service;

import io.atelier.project.api.AppStore;
import io.atelier.runner.EngineCatalog;
import io.atelier.runner.RunService;
import io.atelier.store.StoreException;
import io.atelier.trainingrun.watch.RunWatch;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's one {@link RunService}: built on the app's store and the registered engines, dispatching from the first
 * use (at start-up, see {@link RunsStartup}) until the app exits. Never call {@link #service()} on the event thread:
 * it may open the store.
 */
public final class AppRuns {

    private static final Logger LOG = Logger.getLogger(AppRuns.class.getName());
    private static RunService service;
    private static boolean closed;

    private AppRuns() {
    }

    /** The running service; starts it on first use. */
    public static synchronized RunService service() throws StoreException {
        if (closed) {
            throw new IllegalStateException("LoRA Atelier is closing: runs cannot be started or changed now");
        }
        if (service == null) {
            RunService s = new RunService(AppStore.store(), EngineCatalog.fromLookup(AppStore.store()));
            s.addListener(new RunWatch(s));
            s.startDispatching();
            LOG.log(Level.INFO, "Run queue started with engines {0}", s.engines().engines().stream()
                    .map(e -> e.id()).toList());
            service = s;
        }
        return service;
    }

    /** The service if it has started, else null; never starts it. */
    public static synchronized RunService started() {
        return service;
    }

    /** Live runs this app drives (reads the store: off the event thread where possible). */
    public static List<UUID> drivenLiveRuns() {
        RunService s = started();
        if (s == null) {
            return List.of();
        }
        return s.store().runs().list().stream().filter(r -> r.state().live() && s.drives(r.id()))
                .map(r -> r.id()).toList();
    }

    /** Stops dispatching; runs this app drives end interrupted (resumable). */
    static void close(Duration grace) {
        RunService s;
        synchronized (AppRuns.class) {
            s = service;
            closed = true;
        }
        if (s != null) {
            s.close(grace);
        }
    }
}
