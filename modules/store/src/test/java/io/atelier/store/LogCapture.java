package io.atelier.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every java.util.logging record (where Flyway logs without SLF4J) while open. */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    List<LogRecord> records() {
        return records;
    }

    List<String> lines(Level atLeast) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= atLeast.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
                .toList();
    }

    List<String> linesFrom(String loggerPrefix) {
        return records.stream()
                .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(loggerPrefix))
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
