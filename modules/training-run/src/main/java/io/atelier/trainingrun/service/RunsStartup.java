package io.atelier.trainingrun.service;

import io.atelier.store.StoreException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.modules.OnStart;
import org.openide.util.RequestProcessor;

/**
 * Starts the run queue when the app starts, before any window opens: crashed runs are reconciled (shown as
 * interrupted, not "running") and queued runs start, even if the Runs window is never opened.
 */
@OnStart
public final class RunsStartup implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunsStartup.class.getName());

    @Override
    public void run() {
        RequestProcessor.getDefault().post(() -> {
            try {
                AppRuns.service();
            } catch (StoreException e) {
                // the store module told the user; the queue starts on the next use once the store opens
                LOG.log(Level.INFO, "The run queue did not start: {0}", e.getMessage());
            }
        });
    }
}
