package io.atelier.store;

import io.atelier.core.gallery.EpochPick;
import io.atelier.core.gallery.Rating;
import io.atelier.core.gallery.SampleImage;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The epoch gallery: sample images with what made them, each run's best epoch, ratings and notes. */
public final class GalleryRepository {

    private static final String COLUMNS = "id, run_id, path, source, epoch, step, prompt_index, prompt, "
            + "negative_prompt, seed, sampler, cfg_scale, steps, width, height, base_model, base_model_sha256, "
            + "lora_strength, created";

    private final Transactions transactions;
    private final Clock clock;

    GalleryRepository(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records an image (again: the row of the same run and file is replaced). */
    public void add(SampleImage s) {
        transactions.write("Recording sample " + s.file() + " of run " + s.runId(), c -> {
            try (PreparedStatement m = c.prepareStatement("MERGE INTO sample_image (" + COLUMNS
                    + ") KEY (run_id, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                m.setObject(i++, s.id());
                m.setObject(i++, s.runId());
                m.setString(i++, SqlValues.pathKey(s.file()));
                m.setString(i++, s.source().name());
                m.setInt(i++, s.epoch());
                m.setLong(i++, s.step());
                m.setInt(i++, s.promptIndex());
                m.setString(i++, s.prompt());
                m.setString(i++, s.negativePrompt());
                if (s.seed() == null) {
                    m.setNull(i++, Types.BIGINT);
                } else {
                    m.setLong(i++, s.seed());
                }
                m.setString(i++, s.sampler());
                m.setDouble(i++, s.cfgScale());
                m.setInt(i++, s.steps());
                m.setInt(i++, s.width());
                m.setInt(i++, s.height());
                m.setString(i++, s.baseModel());
                m.setString(i++, s.baseModelSha256());
                m.setDouble(i++, s.loraStrength());
                SqlValues.setInstant(m, i, s.created());
                m.executeUpdate();
            }
            return null;
        });
    }

    /** A run's images, oldest first. */
    public List<SampleImage> samples(UUID runId) {
        return transactions.read("Reading the samples of run " + runId, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM sample_image WHERE run_id = ? ORDER BY created, epoch, prompt_index, path")) {
                q.setObject(1, runId);
                return read(q);
            }
        });
    }

    private static List<SampleImage> read(PreparedStatement q) throws SQLException {
        List<SampleImage> out = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                long seed = r.getLong("seed");
                Long seedOrNull = r.wasNull() ? null : seed;
                out.add(new SampleImage(r.getObject("id", UUID.class), r.getObject("run_id", UUID.class),
                        Path.of(r.getString("path")), SampleImage.Source.valueOf(r.getString("source")),
                        r.getInt("epoch"), r.getLong("step"), r.getInt("prompt_index"), r.getString("prompt"),
                        r.getString("negative_prompt"), seedOrNull, r.getString("sampler"), r.getDouble("cfg_scale"),
                        r.getInt("steps"), r.getInt("width"), r.getInt("height"), r.getString("base_model"),
                        r.getString("base_model_sha256"), r.getDouble("lora_strength"),
                        SqlValues.getInstant(r, "created")));
            }
        }
        return out;
    }

    /** Marks the run's best epoch (replacing an earlier pick). */
    public EpochPick pick(UUID runId, int epoch, String note) {
        EpochPick pick = new EpochPick(runId, epoch, note == null || note.isBlank() ? null : note.strip(),
                clock.instant());
        transactions.write("Picking epoch " + epoch + " of run " + runId, c -> {
            try (PreparedStatement m = c.prepareStatement(
                    "MERGE INTO run_pick (run_id, best_epoch, note, picked) KEY (run_id) VALUES (?, ?, ?, ?)")) {
                m.setObject(1, runId);
                m.setInt(2, epoch);
                m.setString(3, pick.note());
                SqlValues.setInstant(m, 4, pick.picked());
                m.executeUpdate();
            }
            return null;
        });
        return pick;
    }

    public void clearPick(UUID runId) {
        transactions.write("Clearing the best epoch of run " + runId, c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM run_pick WHERE run_id = ?")) {
                d.setObject(1, runId);
                d.executeUpdate();
            }
            return null;
        });
    }

    public Optional<EpochPick> pick(UUID runId) {
        return Optional.ofNullable(picks().get(runId));
    }

    /** Every run's pick, for the run list and the LoRA Library. */
    public Map<UUID, EpochPick> picks() {
        return transactions.read("Reading the best epochs", c -> {
            Map<UUID, EpochPick> picks = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT run_id, best_epoch, note, picked FROM run_pick");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    picks.put(id, new EpochPick(id, r.getInt(2), r.getString(3), SqlValues.getInstant(r, "picked")));
                }
            }
            return picks;
        });
    }

    /** Sets a rating and note; one with neither is removed. */
    public void rate(Rating rating) {
        transactions.write("Rating epoch " + rating.epoch() + " of run " + rating.runId(), c -> {
            if (rating.stars() == null && rating.note() == null) {
                try (PreparedStatement d = c.prepareStatement(
                        "DELETE FROM gallery_rating WHERE run_id = ? AND epoch = ? AND prompt_index = ?")) {
                    d.setObject(1, rating.runId());
                    d.setInt(2, rating.epoch());
                    d.setInt(3, rating.promptIndex());
                    d.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement m = c.prepareStatement("MERGE INTO gallery_rating (run_id, epoch, prompt_index, "
                    + "rating, note) KEY (run_id, epoch, prompt_index) VALUES (?, ?, ?, ?, ?)")) {
                m.setObject(1, rating.runId());
                m.setInt(2, rating.epoch());
                m.setInt(3, rating.promptIndex());
                if (rating.stars() == null) {
                    m.setNull(4, Types.INTEGER);
                } else {
                    m.setInt(4, rating.stars());
                }
                m.setString(5, rating.note());
                m.executeUpdate();
            }
            return null;
        });
    }

    public List<Rating> ratings(UUID runId) {
        return transactions.read("Reading the ratings of run " + runId, c -> {
            List<Rating> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT epoch, prompt_index, rating, note FROM "
                    + "gallery_rating WHERE run_id = ? ORDER BY epoch, prompt_index")) {
                q.setObject(1, runId);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        int stars = r.getInt(3);
                        Integer s = r.wasNull() ? null : stars;
                        out.add(new Rating(runId, r.getInt(1), r.getInt(2), s, r.getString(4)));
                    }
                }
            }
            return out;
        });
    }
}
