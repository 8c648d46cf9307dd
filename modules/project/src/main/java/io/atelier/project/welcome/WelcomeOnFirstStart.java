package io.atelier.project.welcome;

import io.atelier.project.store.StoreService;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.project.ui.OpenProjects;
import org.openide.util.RequestProcessor;
import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/** Shows the welcome page while the library is empty, i.e. on first start. */
@OnShowing
public final class WelcomeOnFirstStart implements Runnable {

    private static final Logger LOG = Logger.getLogger(WelcomeOnFirstStart.class.getName());

    @Override
    public void run() {
        RequestProcessor.getDefault().post(() -> {
            boolean empty;
            try {
                empty = StoreService.store().projects().list().isEmpty()
                        && OpenProjects.getDefault().getOpenProjects().length == 0;
            } catch (StoreException | StoreAccessException e) {
                LOG.log(Level.FINE, "store unavailable; welcome page shown", e);
                empty = true;
            }
            if (empty) {
                WindowManager.getDefault().invokeWhenUIReady(() -> {
                    TopComponent welcome = WindowManager.getDefault().findTopComponent(WelcomeTopComponent.ID);
                    if (welcome != null) {
                        welcome.open();
                        welcome.requestActive();
                    }
                });
            }
        });
    }
}
