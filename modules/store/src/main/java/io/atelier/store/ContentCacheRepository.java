package io.atelier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Values computed from a file's content (by its hash) and kept between runs, in named areas ("image-measures-v2").
 * A cache: losing it costs time, not data.
 */
public final class ContentCacheRepository {

    private final Transactions transactions;
    private final Clock clock;

    ContentCacheRepository(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One area of the cache. */
    public Area area(String kind) {
        return new Area(Objects.requireNonNull(kind, "kind"));
    }

    /** The values of one kind, by key. Thread-safe. */
    public final class Area {
        private final String kind;

        private Area(String kind) {
            this.kind = kind;
        }

        public Optional<String> get(String key) {
            return transactions.read("Reading the " + kind + " cache", c -> {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT cache_value FROM content_cache WHERE kind = ? AND cache_key = ?")) {
                    q.setString(1, kind);
                    q.setString(2, key);
                    try (ResultSet row = q.executeQuery()) {
                        return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        }

        public void put(String key, String value) {
            transactions.write("Writing the " + kind + " cache", c -> {
                try (PreparedStatement merge = c.prepareStatement("MERGE INTO content_cache (kind, cache_key, "
                        + "cache_value, stored_at) KEY (kind, cache_key) VALUES (?, ?, ?, ?)")) {
                    merge.setString(1, kind);
                    merge.setString(2, key);
                    merge.setString(3, value);
                    SqlValues.setInstant(merge, 4, clock.instant());
                    merge.executeUpdate();
                }
                return null;
            });
        }
    }
}
