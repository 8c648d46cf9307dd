package io.atelier.cli;

import io.atelier.store.Store;
import io.atelier.store.StoreException;
import io.atelier.store.StoreLocation;
import java.io.PrintWriter;

/** Opens the store named by {@code --home} for one command and says on stderr what a recovery or migration did. */
final class StoreSession {

    private StoreSession() {
    }

    static Store open(String home, PrintWriter err) {
        try {
            Store store = Store.open(StoreLocation.resolve(home));
            // routine events (a new store, the daily backup) stay quiet; a recovery or migration is news
            if (store.report().recovered() || store.report().migrated()) {
                for (String notice : store.report().notices()) {
                    err.println("atelier: " + notice);
                }
                err.flush();
            }
            return store;
        } catch (StoreException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
