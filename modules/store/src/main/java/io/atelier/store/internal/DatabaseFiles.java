package io.atelier.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The files of the one H2 database in a folder, and the JDBC URLs that open it.
 *
 * @param directory the folder holding {@code atelier.mv.db}
 */
public record DatabaseFiles(Path directory) {

    /** The database name; H2 derives the file names from it. */
    public static final String NAME = "atelier";
    /** The store is a local, per-user file; its auto-server port only accepts local connections. */
    public static final String USER = "sa";
    public static final String PASSWORD = "";

    public DatabaseFiles {
        directory = directory.toAbsolutePath().normalize();
    }

    public Path databaseFile() {
        return directory.resolve(NAME + ".mv.db");
    }

    /** The database file's size, or 0 when it does not exist or cannot be read. */
    public long sizeOrZero() {
        try {
            return Files.exists(databaseFile()) ? Files.size(databaseFile()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Exists while a process has the database open; in auto-server mode it names that process's port. */
    public Path lockFile() {
        return directory.resolve(NAME + ".lock.db");
    }

    /** H2's own error log for this database. */
    public Path traceFile() {
        return directory.resolve(NAME + ".trace.db");
    }

    /** Serialises {@code Store.open} across processes: checks, backups, recovery and migration run one at a time. */
    public Path openLockFile() {
        return directory.resolve("open.lock");
    }

    /**
     * Read-write, in auto-server mode: the first process opens the file and serves it over a local TCP port; any
     * other process (the CLI while the GUI runs, or the other way round) connects through that port, and takes
     * over when the first one exits.
     * <p>
     * No compaction when the database closes ({@code MAX_COMPACT_TIME=0}): H2 2.3's close-time chunk moving can fail
     * and lose the last changes (h2database#4086, #4247; seen here when many runs' metrics were written and the store
     * opened and closed again and again). Free space inside the file is still reused.
     */
    public String url() {
        return "jdbc:h2:file:" + directory.resolve(NAME) + ";AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0";
    }

    /** Read-only and never creating: looking at an existing file this way leaves it byte-for-byte unchanged. */
    public String readOnlyUrl() {
        return "jdbc:h2:file:" + directory.resolve(NAME) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
    }

    /**
     * A data source that opens one read-only connection. H2's own data source is used instead of
     * {@code DriverManager}, which looks drivers up through class loaders a module system may not give it.
     */
    public DataSource readOnlyDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(readOnlyUrl());
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }
}
