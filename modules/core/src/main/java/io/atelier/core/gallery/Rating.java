package io.atelier.core.gallery;

import java.util.UUID;

/**
 * A rating (1–5, or null) and a note on one cell of the gallery, or on a whole epoch ({@link #WHOLE_EPOCH}).
 */
public record Rating(UUID runId, int epoch, int promptIndex, Integer stars, String note) {

    public static final int WHOLE_EPOCH = -1;

    public Rating {
        if (stars != null && (stars < 1 || stars > 5)) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars, not " + stars);
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
