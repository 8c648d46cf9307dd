package io.atelier.store.internal;

import java.io.EOFException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/** Sorts H2's errors into "the file is damaged" and everything else, and words them for one-line messages. */
public final class H2Failures {

    private H2Failures() {
    }

    /**
     * True when H2 could not read the database file itself: corrupted, truncated, not an H2 2.x file, garbage.
     * Only these lead to moving the file aside and restoring a backup; any other error is reported as it is.
     */
    public static boolean isDamagedFile(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
                    ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 -> true;
            case ErrorCode.GENERAL_ERROR_1 -> hasCause(e, MVStoreException.class);
            default -> false;
        };
    }

    /**
     * True when a read-only open fails because H2 would have to rewrite the file to open it. A file that was
     * merely not closed (the app was killed) opens read-only without that; one whose pages are destroyed does not,
     * and a read-write open would "repair" it into an empty database.
     */
    public static boolean needsRewriteToOpen(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY;
    }

    /** True when the table or view does not exist (H2 has three codes for it). */
    public static boolean isMissingTable(SQLException e) {
        return e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1
                || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2;
    }

    /** True when another process holds the file without serving it (it is not in auto-server mode). */
    public static boolean isHeldElsewhere(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    /** What is wrong with a damaged file, in words for "could not be read (…)". */
    public static String describeDamage(SQLException e) {
        String what = switch (e.getErrorCode()) {
            case ErrorCode.FILE_CORRUPTED_1 -> "it is corrupted";
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> "reading it failed";
            case ErrorCode.FILE_VERSION_ERROR_1 -> "it is not an H2 2.x database file";
            case ErrorCode.FILE_ENCRYPTION_ERROR_1 -> "it is encrypted or not a database file";
            default -> "H2 error " + e.getErrorCode();
        };
        String detail = hasCause(e, EOFException.class) ? "the file ends before its data does" : innermostMessage(e);
        return detail.isEmpty() ? what : what + ": " + detail;
    }

    /** The first line of the message without H2's trailing {@code [90030-232]} code. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        return line.replaceAll("\\s*\\[[0-9.]+[-/][0-9]+]$", "");
    }

    private static String innermostMessage(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost == e ? "" : oneLine(innermost);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
