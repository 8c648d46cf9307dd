package io.atelier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user's settings that the app and the command line share: engine folders and commands
 * ({@code engine.sd-scripts.dir}, ...), the queue's pause and parallelism. Keys are dotted names; a blank value removes
 * the key.
 */
public final class SettingsRepository {

    private final Transactions transactions;

    SettingsRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    public Optional<String> get(String key) {
        return transactions.read("Reading setting " + key, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
                q.setString(1, key);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every key that starts with {@code prefix}, with the prefix cut off, sorted. */
    public Map<String, String> withPrefix(String prefix) {
        return transactions.read("Reading settings " + prefix + "*", c -> {
            Map<String, String> values = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT setting_key, setting_value FROM setting WHERE setting_key LIKE ? ESCAPE '\\'")) {
                q.setString(1, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        values.put(rows.getString(1).substring(prefix.length()), rows.getString(2));
                    }
                }
            }
            return values;
        });
    }

    /** Sets (or, for null or blank, removes) one key. */
    public void put(String key, String value) {
        putAll(Map.of(key, value == null ? "" : value));
    }

    /** Sets several keys at once: all of them or none. Blank values remove their key. */
    public void putAll(Map<String, String> values) {
        transactions.write("Saving settings " + values.keySet(), c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM setting WHERE setting_key = ?");
                 PreparedStatement merge = c.prepareStatement(
                         "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    if (e.getValue() == null || e.getValue().isBlank()) {
                        delete.setString(1, e.getKey());
                        delete.executeUpdate();
                    } else {
                        merge.setString(1, e.getKey());
                        merge.setString(2, e.getValue().strip());
                        merge.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
