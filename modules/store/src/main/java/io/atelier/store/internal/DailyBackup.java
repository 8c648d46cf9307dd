package io.atelier.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The first open of each day backs the store up. The day is claimed in {@code app_state} with one conditional
 * update, so that of the GUI and a CLI starting together only one writes the backup, and a normal start pays a
 * single statement.
 */
public final class DailyBackup {

    static final String STATE_KEY = "last_daily_backup";
    public static final String REASON = "daily";

    private DailyBackup() {
    }

    /**
     * Backs up the store unless today's backup was made already or the store holds no project and no base model.
     *
     * @param backedUpAlready  this open already wrote a backup (before a migration): it counts as today's
     * @param problems         receives one sentence per old backup that could not be pruned
     * @return the backup written, if any
     * @throws SQLException or IOException when the backup could not be written; the claim on the day is then
     *                      released so that the next start tries again
     */
    public static Optional<Path> runIfDue(DataSource dataSource, Backups backups, LocalDate today,
                                          boolean backedUpAlready, List<String> problems)
            throws SQLException, IOException {
        String previous = claim(dataSource, today);
        if (previous == null || backedUpAlready) {
            return Optional.empty();
        }
        try {
            return Optional.of(backups.create(dataSource, REASON, problems));
        } catch (SQLException | IOException | RuntimeException e) {
            release(dataSource, today, previous, e);
            throw e;
        }
    }

    /** @return the date the row held before, or null when the day was claimed already or there is nothing to save */
    private static String claim(DataSource dataSource, LocalDate today) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String previous;
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT state_value FROM app_state WHERE state_key = ?")) {
                read.setString(1, STATE_KEY);
                try (ResultSet row = read.executeQuery()) {
                    previous = row.next() ? row.getString(1) : "";
                }
            }
            if (previous.equals(today.toString())) {
                return null;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE app_state SET state_value = ? WHERE state_key = ? AND state_value = ? "
                            + "AND (EXISTS (SELECT 1 FROM project) OR EXISTS (SELECT 1 FROM base_model))")) {
                update.setString(1, today.toString());
                update.setString(2, STATE_KEY);
                update.setString(3, previous);
                return update.executeUpdate() == 1 ? previous : null;
            }
        }
    }

    private static void release(DataSource dataSource, LocalDate today, String previous, Exception failure) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE app_state SET state_value = ? WHERE state_key = ? AND state_value = ?")) {
            update.setString(1, previous);
            update.setString(2, STATE_KEY);
            update.setString(3, today.toString());
            update.executeUpdate();
        } catch (SQLException releaseFailure) {
            failure.addSuppressed(releaseFailure);
        }
    }
}
