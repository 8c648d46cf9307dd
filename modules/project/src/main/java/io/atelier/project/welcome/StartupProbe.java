package io.atelier.project.welcome;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.modules.OnStart;

/**
 * Records the wall-clock time at which the main window is on screen, for the start-up benchmark
 * ({@code application/bench/startup.sh} turns it on with {@code -J-Dio.atelier.startup.level=FINE}).
 * A daemon thread looks every 20 ms, because window events queue behind start-up work on the event thread
 * and would report the window late. Without FINE logging nothing runs.
 */
@OnStart
public final class StartupProbe implements Runnable {

    private static final Logger LOG = Logger.getLogger("io.atelier.startup");

    @Override
    public void run() {
        if (!LOG.isLoggable(Level.FINE) || GraphicsEnvironment.isHeadless()) {
            return;
        }
        Thread watcher = new Thread(StartupProbe::waitForMainWindow, "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void waitForMainWindow() {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            for (Frame f : Frame.getFrames()) {
                if (f.isShowing() && f.getTitle().startsWith("LoRA Atelier")) {
                    LOG.log(Level.FINE, "main window opened at {0}", String.valueOf(System.currentTimeMillis()));
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
