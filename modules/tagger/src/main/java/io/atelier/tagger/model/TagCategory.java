package io.atelier.tagger.model;

/**
 * The Danbooru category of a tag, from the {@code category} column of {@code selected_tags.csv}. WD models use
 * 9, 0 and 4; other codes (1 artist, 3 copyright, 5 meta) are kept as {@link #OTHER} with their code.
 */
public enum TagCategory {
    RATING,
    GENERAL,
    CHARACTER,
    OTHER;

    /** The category of a Danbooru category code. */
    public static TagCategory of(int code) {
        return switch (code) {
            case 9 -> RATING;
            case 0 -> GENERAL;
            case 4 -> CHARACTER;
            default -> OTHER;
        };
    }
}
