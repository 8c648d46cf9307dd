package io.atelier.store;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The base-model registry: the checkpoints the user trains on and samples with, each known by its file and its
 * SHA-256. A file is registered once, and so is a content: the same checkpoint under two paths is one model.
 */
public final class BaseModelRepository {

    private static final String COLUMNS = "file, name, family, size_bytes, sha256, added";
    private static final String DUPLICATE_KEY = "23505";

    private final Transactions transactions;

    BaseModelRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Registers a base model; its file path is stored absolute and normalised.
     *
     * @return the model as stored
     * @throws DuplicateBaseModelException when the same file or the same SHA-256 is already registered; the
     *                                     message names the existing entry
     */
    public BaseModel add(BaseModel model) {
        Objects.requireNonNull(model, "model");
        BaseModel stored = new BaseModel(model.name(), model.family(), Path.of(SqlValues.pathKey(model.file())),
                model.sizeBytes(), model.sha256(), model.added());
        try {
            return transactions.write("Registering base model " + stored.file(), c -> {
                rejectDuplicate(c, stored);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO base_model (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, stored.file().toString());
                    insert.setString(2, stored.name());
                    insert.setString(3, stored.family().name());
                    insert.setLong(4, stored.sizeBytes());
                    insert.setString(5, stored.sha256());
                    SqlValues.setInstant(insert, 6, stored.added());
                    insert.executeUpdate();
                }
                return stored;
            });
        } catch (StoreAccessException e) {
            if (DUPLICATE_KEY.equals(e.sqlState())) {
                // Another process registered it between our check and our insert: report it the same way.
                transactions.read("Registering base model " + stored.file(), c -> {
                    rejectDuplicate(c, stored);
                    return null;
                });
            }
            throw e;
        }
    }

    /** Every registered base model, ordered by name (case-insensitively). */
    public List<BaseModel> list() {
        return transactions.read("Listing the base models", c -> findAll(c, "TRUE"));
    }

    /** The model with this content; the hash is compared case-insensitively. */
    public Optional<BaseModel> findBySha256(String sha256) {
        String hash = Objects.requireNonNull(sha256, "sha256").strip().toLowerCase(Locale.ROOT);
        return transactions.read("Looking up base model " + hash, c -> findOne(c, "sha256 = ?", hash));
    }

    /** The model registered for this file; the path is compared in its absolute, normalised form. */
    public Optional<BaseModel> findByFile(Path file) {
        String fileKey = SqlValues.pathKey(file);
        return transactions.read("Looking up base model " + fileKey, c -> findOne(c, "file = ?", fileKey));
    }

    /** Removes the model from the registry; the checkpoint file itself is left alone. */
    public boolean remove(Path file) {
        String fileKey = SqlValues.pathKey(file);
        return transactions.read("Removing base model " + fileKey, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM base_model WHERE file = ?")) {
                delete.setString(1, fileKey);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static void rejectDuplicate(Connection c, BaseModel candidate) throws SQLException {
        Optional<BaseModel> sameFile = findOne(c, "file = ?", candidate.file().toString());
        if (sameFile.isPresent()) {
            BaseModel existing = sameFile.get();
            throw new DuplicateBaseModelException(existing.file() + " is already registered as base model \""
                    + existing.name() + "\" (" + existing.family().displayName() + ", AutoV2 " + existing.autoV2()
                    + ").", existing);
        }
        Optional<BaseModel> sameContent = findOne(c, "sha256 = ?", candidate.sha256());
        if (sameContent.isPresent()) {
            BaseModel existing = sameContent.get();
            throw new DuplicateBaseModelException(candidate.file() + " has the same content (AutoV2 "
                    + existing.autoV2() + ") as base model \"" + existing.name() + "\", already registered at "
                    + existing.file() + ".", existing);
        }
    }

    private static Optional<BaseModel> findOne(Connection c, String condition, String argument) throws SQLException {
        List<BaseModel> found = findAll(c, condition, argument);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<BaseModel> findAll(Connection c, String condition, String... arguments) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM base_model WHERE "
                + condition + " ORDER BY LOWER(name), name, file")) {
            for (int i = 0; i < arguments.length; i++) {
                query.setString(i + 1, arguments[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<BaseModel> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(new BaseModel(rows.getString("name"), BaseModelFamily.valueOf(rows.getString("family")),
                            Path.of(rows.getString("file")), rows.getLong("size_bytes"), rows.getString("sha256"),
                            SqlValues.getInstant(rows, "added")));
                }
                return result;
            }
        }
    }
}
