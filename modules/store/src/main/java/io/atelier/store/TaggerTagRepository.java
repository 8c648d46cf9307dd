package io.atelier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tags tagger models wrote, per image content (SHA-256), so the editor can mark model-made tags and show the
 * model's confidence. Tagging an image again replaces what was remembered for it.
 */
public final class TaggerTagRepository {

    /** H2 caps the IN list of one query sensibly; larger lookups go in chunks. */
    private static final int CHUNK = 500;

    private final Transactions transactions;

    TaggerTagRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Remembers {@code tags} as the model-made tags of the image with this content, replacing earlier ones. */
    public void remember(String imageSha256, List<ModelTag> tags) {
        String hash = key(imageSha256);
        transactions.write("Remembering the tagger's tags of image " + hash, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tagger_tag WHERE image_sha256 = ?")) {
                delete.setString(1, hash);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tagger_tag (image_sha256, tag, category, "
                    + "probability, model, tagged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (ModelTag t : tags) {
                    if (!seen.add(t.tag())) {
                        continue; // one row per tag: the first (most probable) one wins
                    }
                    insert.setString(1, hash);
                    insert.setString(2, t.tag());
                    insert.setString(3, t.category());
                    insert.setFloat(4, t.probability());
                    insert.setString(5, t.model());
                    SqlValues.setInstant(insert, 6, t.taggedAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The model-made tags of one image, most probable first; empty when none are remembered. */
    public List<ModelTag> tagsOf(String imageSha256) {
        return tagsOf(List.of(imageSha256)).getOrDefault(key(imageSha256), List.of());
    }

    /** The model-made tags of many images, by content hash (lower case); images without any are left out. */
    public Map<String, List<ModelTag>> tagsOf(Collection<String> imageSha256s) {
        List<String> hashes = imageSha256s.stream().map(TaggerTagRepository::key).distinct().toList();
        Map<String, List<ModelTag>> result = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
            transactions.read("Reading the tagger's tags of " + chunk.size() + " images", c -> {
                read(c, chunk, result);
                return null;
            });
        }
        return result;
    }

    private static void read(Connection c, List<String> hashes, Map<String, List<ModelTag>> into) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(hashes.size(), "?"));
        try (PreparedStatement query = c.prepareStatement("SELECT image_sha256, tag, category, probability, model, "
                + "tagged_at FROM tagger_tag WHERE image_sha256 IN (" + marks + ") ORDER BY probability DESC, tag")) {
            for (int i = 0; i < hashes.size(); i++) {
                query.setString(i + 1, hashes.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    into.computeIfAbsent(rows.getString("image_sha256"), k -> new ArrayList<>()).add(new ModelTag(
                            rows.getString("tag"), rows.getString("category"), rows.getFloat("probability"),
                            rows.getString("model"), SqlValues.getInstant(rows, "tagged_at")));
                }
            }
        }
    }

    private static String key(String sha256) {
        return Objects.requireNonNull(sha256, "sha256").strip().toLowerCase(Locale.ROOT);
    }
}
