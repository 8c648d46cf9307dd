package io.atelier.imaging.prepare;

import java.util.Locale;

/** What Prepare writes: lossless PNG (default) or JPEG at high quality for users who keep their sets small. */
public enum OutputFormat {
    PNG("png"),
    JPEG("jpg");

    /** JPEG quality (IJG scale 95): no visible loss, about a third of the PNG size for photos. */
    public static final float JPEG_QUALITY = 0.95f;

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** File extension without the dot. */
    public String extension() {
        return extension;
    }

    /** {@code png}, {@code jpg} or {@code jpeg}, any case. */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPEG;
            default -> throw new IllegalArgumentException("unknown output format '" + text + "' (png or jpg)");
        };
    }
}
