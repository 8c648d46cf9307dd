package io.atelier.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Looks at the database file before it is opened for writing. H2 rewrites parts of the file on every read-write
 * open, so anything that must leave the file untouched (a file from a newer version, a damaged one that is moved
 * aside) has to be decided on a read-only look first.
 */
public final class DatabaseInspector {

    /** What the look found. */
    public sealed interface Inspection permits Absent, InUse, Damaged, Readable {
    }

    /** No database file yet. */
    public record Absent() implements Inspection {
    }

    /** Another process has it open (its lock file is there); it can only be reached through that process. */
    public record InUse() implements Inspection {
    }

    /** H2 cannot read it, or it reads as empty although the file has content. */
    public record Damaged(String problem) implements Inspection {
    }

    /** It opens; this is what it holds. */
    public record Readable(SchemaState schema) implements Inspection {
    }

    private DatabaseInspector() {
    }

    /**
     * @throws SQLException for an error that does not mean the file is damaged (it is reported as it is)
     */
    public static Inspection inspect(DatabaseFiles files) throws SQLException {
        long size;
        try {
            if (!Files.exists(files.databaseFile())) {
                return new Absent();
            }
            size = Files.size(files.databaseFile());
        } catch (IOException e) {
            return new Damaged("its size could not be read: " + IoMessages.describe(e));
        }
        if (size == 0) {
            // H2 would silently start a new database in a zero-length file; it was a store once, so it is lost data.
            return new Damaged("the file is empty");
        }
        if (Files.exists(files.lockFile())) {
            return new InUse();
        }
        try (Connection connection = files.readOnlyDataSource().getConnection()) {
            SchemaState schema = SchemaState.read(connection);
            if (schema.isEmpty()) {
                // H2 opens some files whose data pages are destroyed as an empty database. The store always has
                // tables once created, so an empty one means the contents were lost.
                return new Damaged("it opens as an empty database although the file has " + size + " bytes");
            }
            return new Readable(schema);
        } catch (SQLException e) {
            if (H2Failures.isHeldElsewhere(e)) {
                return new InUse();
            }
            if (H2Failures.isDamagedFile(e)) {
                return new Damaged(H2Failures.describeDamage(e));
            }
            if (H2Failures.needsRewriteToOpen(e)) {
                return new Damaged("it is corrupted: H2 could open it only by rewriting it, which drops what it "
                        + "cannot read");
            }
            throw e;
        }
    }
}
