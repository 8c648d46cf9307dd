package io.atelier.project.store;

import io.atelier.store.Store;
import io.atelier.store.StoreException;
import io.atelier.store.StoreLocation;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import javax.swing.event.ChangeListener;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.NotificationDisplayer;
import org.openide.util.ChangeSupport;
import org.openide.util.ImageUtilities;
import org.openide.util.NbBundle.Messages;

/**
 * The app's one store, opened on first use (never on the event thread) and closed when the app exits.
 * The GUI takes the store location from the {@code atelier.home} system property, the environment
 * variable {@code ATELIER_HOME}, or {@code ~/.atelier}, like the CLI's {@code --home}.
 */
@Messages({
    "# {0} - what the store did",
    "MSG_StoreRecovered=The LoRA Atelier store needed attention: {0}",
    "TITLE_StoreRecovered=Store recovered",
    "# {0} - reason",
    "MSG_StoreUnavailable=The LoRA Atelier store cannot be opened: {0}\nProjects still open from their folders; the library is unavailable until this is fixed."
})
public final class StoreService {

    private static final Logger LOG = Logger.getLogger(StoreService.class.getName());
    private static final ChangeSupport LIBRARY_CHANGES = new ChangeSupport(StoreService.class);
    private static Store store;
    private static String lastReportedFailure;

    private StoreService() {
    }

    public static StoreLocation location() {
        return StoreLocation.resolve(System.getProperty("atelier.home"));
    }

    /** The open store; opens it on first call. Call off the event thread. */
    public static synchronized Store store() throws StoreException {
        if (SwingUtilities.isEventDispatchThread()) {
            LOG.log(Level.FINE, "store() called on the event thread", new IllegalStateException());
        }
        if (store != null) {
            return store;
        }
        try {
            store = Store.open(location());
            lastReportedFailure = null;
            report(store);
            return store;
        } catch (StoreException e) {
            // tried again on the next use (a full disk or a busy store may pass); the user is told once per problem
            if (!e.getMessage().equals(lastReportedFailure)) {
                lastReportedFailure = e.getMessage();
                LOG.log(Level.INFO, "Store unavailable: {0}", e.getMessage());
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                        Bundle.MSG_StoreUnavailable(e.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
            }
            throw e;
        }
    }

    private static void report(Store opened) {
        for (String notice : opened.report().notices()) {
            LOG.info(notice);
        }
        if (opened.report().recovered()) {
            String text = String.join(" ", opened.report().notices());
            NotificationDisplayer.getDefault().notify(Bundle.TITLE_StoreRecovered(),
                    ImageUtilities.loadImageIcon("io/atelier/project/resources/project.png", false),
                    Bundle.MSG_StoreRecovered(text), null, NotificationDisplayer.Priority.HIGH);
        }
    }

    /** A problem the user should know about that needs no answer: a balloon, and the log. */
    public static void notifyProblem(String title, String details) {
        LOG.info(title + ": " + details);
        NotificationDisplayer.getDefault().notify(title,
                ImageUtilities.loadImageIcon("io/atelier/project/resources/project.png", false), details, null,
                NotificationDisplayer.Priority.HIGH);
    }

    /** Windows that show the library listen here; called on any thread. */
    public static void addLibraryListener(ChangeListener l) {
        LIBRARY_CHANGES.addChangeListener(l);
    }

    public static void removeLibraryListener(ChangeListener l) {
        LIBRARY_CHANGES.removeChangeListener(l);
    }

    /** Tells the library windows that projects were registered or removed. */
    public static void libraryChanged() {
        LIBRARY_CHANGES.fireChange();
    }

    /** Closes the store when the app exits, after the work that writes to it until then has finished. */
    public static void close() {
        for (io.atelier.project.api.AppStore.BeforeClose work
                : org.openide.util.Lookup.getDefault().lookupAll(io.atelier.project.api.AppStore.BeforeClose.class)) {
            try {
                work.storeClosing();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.INFO, "Could not finish " + work.getClass().getName()
                        + " before closing the store", e);
            }
        }
        closeStore();
    }

    private static synchronized void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
