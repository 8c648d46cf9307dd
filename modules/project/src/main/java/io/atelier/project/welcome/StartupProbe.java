package io.atelier.project.welcome;

import java.awt.AWTEvent;
import java.awt.Frame;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.WindowEvent;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.modules.OnStart;

/**
 * Records the wall-clock time at which the main window opens, for the start-up benchmark
 * ({@code application/bench/startup.sh} turns it on with {@code -J-Dio.atelier.startup.level=FINE}).
 * Costs nothing otherwise: without FINE logging no listener is installed.
 */
@OnStart
public final class StartupProbe implements Runnable {

    private static final Logger LOG = Logger.getLogger("io.atelier.startup");

    @Override
    public void run() {
        if (!LOG.isLoggable(Level.FINE) || java.awt.GraphicsEnvironment.isHeadless()) {
            return;
        }
        Toolkit.getDefaultToolkit().addAWTEventListener(new AWTEventListener() {
            @Override
            public void eventDispatched(AWTEvent e) {
                if (e.getID() == WindowEvent.WINDOW_OPENED && e.getSource() instanceof Frame f
                        && f.getTitle().startsWith("LoRA Atelier")) {
                    LOG.log(Level.FINE, "main window opened at {0}", String.valueOf(System.currentTimeMillis()));
                    Toolkit.getDefaultToolkit().removeAWTEventListener(this);
                }
            }
        }, AWTEvent.WINDOW_EVENT_MASK);
    }
}
