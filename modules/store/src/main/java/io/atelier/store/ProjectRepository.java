package io.atelier.store;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.TriggerWord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The library of LoRA projects: which project lives in which folder. The project folder's {@code atelier.json}
 * stays the truth about a project; this index only lets the app list, find and reopen projects. Removing a
 * project here never touches its folder.
 */
public final class ProjectRepository {

    private static final String COLUMNS =
            "id, name, trigger_word, kind, base_model_family, created, folder, registered_at, last_opened";

    private final Transactions transactions;
    private final Clock clock;

    ProjectRepository(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Adds a project to the library, or updates its entry: the entry with the same id follows the folder when it
     * was moved or renamed, and an entry for the same folder under another id (the folder now holds a different
     * project) is replaced. The registration and last-opened times of the entry that is updated are kept.
     */
    public RegisteredProject register(LoraProject project, Path folder) {
        Objects.requireNonNull(project, "project");
        String folderKey = SqlValues.pathKey(folder);
        return transactions.write("Registering project \"" + project.name() + "\" at " + folderKey, c -> {
            RegisteredProject previous = findOne(c, "id = ?", project.id()).orElse(null);
            if (previous == null) {
                previous = findOne(c, "folder = ?", folderKey).orElse(null);
            }
            Instant registeredAt = previous == null ? clock.instant() : previous.registeredAt();
            Instant lastOpened = previous == null ? null : previous.lastOpened();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM project WHERE folder = ? AND id <> ?")) {
                delete.setString(1, folderKey);
                delete.setObject(2, project.id());
                delete.executeUpdate();
            }
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO project (" + COLUMNS
                    + ", trigger_key) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                merge.setObject(1, project.id());
                merge.setString(2, project.name());
                merge.setString(3, project.triggerWord());
                merge.setString(4, project.kind().name());
                merge.setString(5, project.baseModelFamily().name());
                SqlValues.setInstant(merge, 6, project.created());
                merge.setString(7, folderKey);
                SqlValues.setInstant(merge, 8, registeredAt);
                SqlValues.setInstant(merge, 9, lastOpened);
                merge.setString(10, TriggerWord.key(project.triggerWord()));
                merge.executeUpdate();
            }
            return new RegisteredProject(project, Path.of(folderKey), registeredAt, lastOpened);
        });
    }

    /** Every registered project, ordered by name (case-insensitively). */
    public List<RegisteredProject> list() {
        return transactions.read("Listing the projects", c -> findAll(c, "TRUE"));
    }

    public Optional<RegisteredProject> findById(UUID id) {
        Objects.requireNonNull(id, "id");
        return transactions.read("Looking up project " + id, c -> findOne(c, "id = ?", id));
    }

    /** The project registered for this folder; the path is compared in its absolute, normalised form. */
    public Optional<RegisteredProject> findByFolder(Path folder) {
        String folderKey = SqlValues.pathKey(folder);
        return transactions.read("Looking up the project at " + folderKey, c -> findOne(c, "folder = ?", folderKey));
    }

    /**
     * The projects using this trigger word, compared the way {@link TriggerWord#key} does (case and surrounding
     * blanks ignored). A new project's trigger word is unique when this is empty.
     */
    public List<RegisteredProject> findByTriggerWord(String triggerWord) {
        String key = TriggerWord.key(Objects.requireNonNull(triggerWord, "triggerWord"));
        return transactions.read("Looking up trigger word \"" + triggerWord.strip() + "\"",
                c -> findAll(c, "trigger_key = ?", key));
    }

    /** Removes the project from the library only; its folder and files are left as they are. */
    public boolean remove(UUID id) {
        Objects.requireNonNull(id, "id");
        return transactions.read("Removing project " + id + " from the library", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM project WHERE id = ?")) {
                delete.setObject(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * Records that the project was opened.
     *
     * @return false when no project with this id is registered
     */
    public boolean markOpened(UUID id, Instant when) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        return transactions.read("Recording that project " + id + " was opened", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE project SET last_opened = ? WHERE id = ?")) {
                SqlValues.setInstant(update, 1, when);
                update.setObject(2, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    private static Optional<RegisteredProject> findOne(Connection c, String condition, Object argument)
            throws SQLException {
        List<RegisteredProject> found = findAll(c, condition, argument);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<RegisteredProject> findAll(Connection c, String condition, Object... arguments)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM project WHERE " + condition
                + " ORDER BY LOWER(name), name, id")) {
            for (int i = 0; i < arguments.length; i++) {
                query.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<RegisteredProject> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(read(rows));
                }
                return result;
            }
        }
    }

    private static RegisteredProject read(ResultSet row) throws SQLException {
        LoraProject project = new LoraProject(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("trigger_word"),
                LoraKind.valueOf(row.getString("kind")),
                BaseModelFamily.valueOf(row.getString("base_model_family")),
                SqlValues.getInstant(row, "created"));
        return new RegisteredProject(project, Path.of(row.getString("folder")),
                SqlValues.getInstant(row, "registered_at"), SqlValues.getInstant(row, "last_opened"));
    }
}
