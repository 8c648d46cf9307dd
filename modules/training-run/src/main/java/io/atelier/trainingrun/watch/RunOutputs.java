package io.atelier.trainingrun.watch;

import io.atelier.core.run.RunEvent;
import io.atelier.runner.RunLog;
import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openide.windows.IOProvider;
import org.openide.windows.InputOutput;

/**
 * The engine log of each run in an Output window tab "Run — name": fed live for runs this app drives; for a run it
 * does not drive, the tail of its {@code run.log} when the user asks for the log.
 */
public final class RunOutputs {

    /** Lines of {@code run.log} shown for a run this app does not drive. */
    public static final int TAIL_LINES = 1000;
    private static final Map<UUID, InputOutput> TABS = new ConcurrentHashMap<>();

    private RunOutputs() {
    }

    /** Prints a driven run's log lines; the tab opens (without taking the focus) with the first line. */
    static void lines(UUID run, String name, List<RunEvent> events) {
        InputOutput io = null;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.LogLine line) {
                if (io == null) {
                    io = TABS.computeIfAbsent(run, id -> {
                        InputOutput tab = IOProvider.getDefault().getIO(title(name), true);
                        tab.setFocusTaken(false);
                        tab.select();
                        return tab;
                    });
                }
                (line.stderr() ? io.getErr() : io.getOut()).println(line.text());
            }
        }
    }

    /**
     * Shows a run's log: its live tab when this app drives it, else a new tab with the tail of {@code run.log}.
     * Reads the file: call off the event thread.
     */
    public static void show(StoredRun run, boolean driven) {
        InputOutput live = TABS.get(run.id());
        if (live != null && driven) {
            live.select();
            return;
        }
        Path dir = run.runDir();
        List<String> tail = RunLog.tail(dir, TAIL_LINES);
        InputOutput io = IOProvider.getDefault().getIO(title(RunNames.of(run)), true);
        io.select();
        if (tail.isEmpty()) {
            io.getOut().println("(no log: " + RunLog.file(dir) + " does not exist)");
        } else {
            if (tail.size() == TAIL_LINES) {
                io.getOut().println("(the last " + TAIL_LINES + " lines of " + RunLog.file(dir) + ")");
            }
            tail.forEach(io.getOut()::println);
        }
        io.getOut().close();
        if (driven) {
            TABS.put(run.id(), io);
        }
    }

    private static String title(String name) {
        return "Run \u2014 " + name;
    }
}
