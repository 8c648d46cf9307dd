package io.atelier.trainingrun.service;

import java.time.Duration;
import org.openide.modules.OnStop;

/** On exit: runs this app drives are stopped and recorded as interrupted, so they can be resumed. */
@OnStop
public final class RunsShutdown implements Runnable {

    @Override
    public void run() {
        AppRuns.close(Duration.ofSeconds(20));
    }
}
