package io.atelier.store;

import io.atelier.core.params.TrainingConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * User presets of training parameters and their histories. Every save adds a new immutable version; nothing is ever
 * overwritten, so two app instances saving the same preset at once both keep their versions (a clash on the version
 * number or the name is retried with the next number). Deleting only hides a preset.
 */
public final class PresetRepository {

    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 5;

    private final Transactions transactions;
    private final Clock clock;

    PresetRepository(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A preset name as typed: trimmed; quotes and any script are fine, line breaks and control characters are not.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if (n.length() > 200) {
            throw new IllegalArgumentException("a preset name has at most 200 characters, got " + n.length());
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a preset name cannot hold line breaks or control characters");
        }
        return n;
    }

    /** Saves {@code config} as the newest version of {@code name}, creating the preset on its first save. */
    public PresetVersion save(String name, TrainingConfig config, String note) {
        String n = checkName(name);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.write("Saving preset \"" + n + "\"", c -> {
                    UUID id = findLive(c, n).orElse(null);
                    Instant now = clock.instant();
                    if (id == null) {
                        id = UUID.randomUUID();
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO preset (id, name, name_key, created) VALUES (?, ?, ?, ?)")) {
                            insert.setObject(1, id);
                            insert.setString(2, n);
                            insert.setString(3, key(n));
                            SqlValues.setInstant(insert, 4, now);
                            insert.executeUpdate();
                        }
                    }
                    lock(c, id); // saves of one preset queue here, so each counts the versions the last one left
                    int version = latestVersion(c, id) + 1;
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO preset_version (preset_id, "
                            + "version, created, note, config) VALUES (?, ?, ?, ?, ?)")) {
                        insert.setObject(1, id);
                        insert.setInt(2, version);
                        SqlValues.setInstant(insert, 3, now);
                        insert.setString(4, cleanNote);
                        insert.setString(5, config.toJson());
                        insert.executeUpdate();
                    }
                    return new PresetVersion(nameOf(c, id), version, now, cleanNote, config);
                });
            } catch (StoreAccessException e) {
                // another process took the name or the version number first: count again
                if (!DUPLICATE_KEY.equals(e.sqlState()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Every live preset, by name. */
    public List<PresetSummary> list() {
        return transactions.read("Listing the presets", c -> {
            List<PresetSummary> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT p.name, MAX(v.version), MAX(v.created) FROM preset p "
                    + "JOIN preset_version v ON v.preset_id = p.id WHERE p.deleted_at IS NULL GROUP BY p.id, p.name "
                    + "ORDER BY p.name_key");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    all.add(new PresetSummary(rows.getString(1), rows.getInt(2),
                            rows.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return all;
        });
    }

    /** Every version of a preset, oldest first. */
    public List<PresetVersion> history(String name) {
        return transactions.read("Reading the history of preset \"" + name + "\"", c -> {
            UUID id = requireLive(c, name);
            List<PresetVersion> versions = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT version, created, note, config FROM preset_version "
                    + "WHERE preset_id = ? ORDER BY version")) {
                q.setObject(1, id);
                try (ResultSet rows = q.executeQuery()) {
                    String n = nameOf(c, id);
                    while (rows.next()) {
                        versions.add(fromRow(n, rows));
                    }
                }
            }
            return versions;
        });
    }

    /** One version; {@code version} null means the newest. */
    public PresetVersion version(String name, Integer version) {
        List<PresetVersion> all = history(name);
        if (version == null) {
            return all.get(all.size() - 1);
        }
        return all.stream().filter(v -> v.version() == version).findFirst().orElseThrow(() ->
                new IllegalArgumentException("preset \"" + name + "\" has no version " + version + " (it has 1 to "
                        + all.size() + ")"));
    }

    /** Saves an old version again as the newest, noting where it came from. */
    public PresetVersion restore(String name, int version) {
        PresetVersion old = version(name, version);
        return save(old.preset(), old.config(), "restored from version " + version
                + (old.note() == null ? "" : " (" + old.note() + ")"));
    }

    /** A new preset starting with a copy of the newest version of {@code name}. */
    public PresetVersion duplicate(String name, String newName) {
        PresetVersion newest = version(name, null);
        String n = checkName(newName);
        if (transactions.read("Looking up preset \"" + n + "\"", c -> findLive(c, n)).isPresent()) {
            throw new IllegalArgumentException("a preset named \"" + n + "\" exists already");
        }
        return save(n, newest.config(), "copy of \"" + newest.preset() + "\" version " + newest.version());
    }

    public void rename(String name, String newName) {
        String n = checkName(newName);
        try {
            transactions.write("Renaming preset \"" + name + "\"", c -> {
                UUID id = requireLive(c, name);
                try (PreparedStatement u = c.prepareStatement("UPDATE preset SET name = ?, name_key = ? WHERE id = ?")) {
                    u.setString(1, n);
                    u.setString(2, key(n));
                    u.setObject(3, id);
                    u.executeUpdate();
                }
                return null;
            });
        } catch (StoreAccessException e) {
            if (DUPLICATE_KEY.equals(e.sqlState())) {
                throw new IllegalArgumentException("a preset named \"" + n + "\" exists already", e);
            }
            throw e;
        }
    }

    /** Hides the preset; its versions stay in the store, and its name is free again. */
    public void delete(String name) {
        transactions.write("Deleting preset \"" + name + "\"", c -> {
            UUID id = requireLive(c, name);
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE preset SET deleted_at = ?, name_key = name_key || '#' || CAST(id AS VARCHAR) WHERE id = ?")) {
                SqlValues.setInstant(u, 1, clock.instant());
                u.setObject(2, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    private static PresetVersion fromRow(String name, ResultSet row) throws SQLException {
        return new PresetVersion(name, row.getInt("version"), SqlValues.getInstant(row, "created"),
                row.getString("note"), TrainingConfig.fromJson(row.getString("config"), false));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<UUID> findLive(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id FROM preset WHERE name_key = ? AND deleted_at IS NULL")) {
            q.setString(1, key(name));
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static UUID requireLive(Connection c, String name) throws SQLException {
        return findLive(c, name).orElseThrow(() -> new IllegalArgumentException("no preset named \"" + name + "\""));
    }

    private static void lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM preset WHERE id = ? FOR UPDATE")) {
            q.setObject(1, id);
            q.executeQuery().close();
        }
    }

    private static int latestVersion(Connection c, UUID id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM preset_version "
                + "WHERE preset_id = ?")) {
            q.setObject(1, id);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String nameOf(Connection c, UUID id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT name FROM preset WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
