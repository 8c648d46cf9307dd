package io.atelier.project.api;

import io.atelier.project.store.StoreService;
import io.atelier.store.Store;
import io.atelier.store.StoreException;
import io.atelier.store.StoreLocation;

/**
 * The application's one store, for other UI modules: opened on first use (off the event thread), a failure told to
 * the user once. Where it lives follows {@code -Datelier.home}, {@code ATELIER_HOME}, else {@code ~/.atelier}.
 */
public final class AppStore {

    /**
     * Work that writes to the app's store until the app exits (the run queue records the runs it stops): registered
     * with {@code @ServiceProvider(service = AppStore.BeforeClose.class)}, it is finished before the store closes,
     * which an {@code @OnStop} of its own could not promise (their order is not defined).
     */
    public interface BeforeClose {
        /** Ends the work; may write to the store, may take a few seconds. */
        void storeClosing();
    }

    private AppStore() {
    }

    /** The open store. Call off the event thread. */
    public static Store store() throws StoreException {
        return StoreService.store();
    }

    /** Where the store, its backups and the caches live. */
    public static StoreLocation location() {
        return StoreService.location();
    }
}
