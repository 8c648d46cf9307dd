package io.atelier.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The libraries below the CLI (Flyway, the store) log through java.util.logging. On a terminal only warnings
 * matter, and they get the CLI's one-line form instead of the two-line default.
 */
final class CliLogging {

    private CliLogging() {
    }

    static void warningsOnlyTo(PrintWriter err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    err.println("atelier: warning: " + r.getMessage());
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }
}
