package io.atelier.store;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.store.internal.DatabaseFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/** Shared fixtures: clocks on chosen days, sample projects, raw access to a closed store's database. */
final class StoreTestSupport {

    private StoreTestSupport() {
    }

    /** A clock stopped at a local time in UTC, e.g. {@code 2026-11-29T10:15:00}. */
    static Clock clockAt(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static LoraProject project(String name, String trigger) {
        return new LoraProject(UUID.randomUUID(), name, trigger, LoraKind.CHARACTER, BaseModelFamily.SDXL,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A plain read-write connection to the store's database, for setting up states Store.open must meet. */
    static Connection rawConnection(StoreLocation location) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(new DatabaseFiles(location.databaseDir()).url());
        dataSource.setUser(DatabaseFiles.USER);
        dataSource.setPassword(DatabaseFiles.PASSWORD);
        return dataSource.getConnection();
    }

    static void execute(StoreLocation location, String... statements) throws SQLException {
        try (Connection connection = rawConnection(location); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<Path> backups(StoreLocation location) throws IOException {
        if (!Files.isDirectory(location.backupDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(location.backupDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
    }

    static List<Path> damagedFolders(StoreLocation location) throws IOException {
        try (Stream<Path> files = Files.list(location.databaseDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith("damaged-")).sorted().toList();
        }
    }
}
