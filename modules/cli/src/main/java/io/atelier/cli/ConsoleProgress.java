package io.atelier.cli;

import java.io.PrintWriter;

/**
 * "[12/100] file" on one rewritten stderr line while a long command runs in a terminal; silent when the output is
 * piped or captured, so scripts and tests see only the result.
 */
final class ConsoleProgress {

    private final PrintWriter err;
    private final boolean enabled;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
        this.enabled = System.console() != null;
    }

    synchronized void step(int done, int total, String item) {
        if (enabled) {
            String line = "[" + done + "/" + total + "] " + item;
            err.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\u001B[K");
            err.flush();
        }
    }

    synchronized void finish() {
        if (enabled) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
