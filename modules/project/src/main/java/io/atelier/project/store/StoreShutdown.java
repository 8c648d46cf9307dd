package io.atelier.project.store;

import org.openide.modules.OnStop;

/** Closes the store on exit so the auto-server hands the database over cleanly to a running CLI. */
@OnStop
public final class StoreShutdown implements Runnable {

    @Override
    public void run() {
        StoreService.close();
    }
}
