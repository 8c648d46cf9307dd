package io.atelier.trainingrun.service;

import io.atelier.project.api.AppStore;
import java.time.Duration;
import org.openide.util.lookup.ServiceProvider;

/**
 * On exit, before the store closes: runs this app drives are stopped and recorded as interrupted, so they can be
 * resumed.
 */
@ServiceProvider(service = AppStore.BeforeClose.class)
public final class RunsShutdown implements AppStore.BeforeClose {

    @Override
    public void storeClosing() {
        AppRuns.close(Duration.ofSeconds(20));
    }
}
