package io.atelier.store;

import java.sql.SQLException;

/**
 * A read or write of an open store failed (the database went away, a disk error, a lock held too long).
 * Unchecked, because every repository call can meet it and callers can only report it; the message says what
 * was being done.
 */
public class StoreAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreAccessException(String whatWasBeingDone, SQLException cause) {
        super(whatWasBeingDone + " failed: " + firstLine(cause.getMessage()), cause);
    }

    /** The SQL state of the underlying error, e.g. {@code 23505} for a duplicate key. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    private static String firstLine(String message) {
        return message == null ? "unknown database error" : message.lines().findFirst().orElse("").strip();
    }
}
