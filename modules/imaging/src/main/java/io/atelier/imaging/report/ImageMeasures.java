package io.atelier.imaging.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the quality check measures from an image's content alone (not its name, caption or the target size): the
 * expensive part, which decoding the whole image pays for, and so what {@link MeasureCache} keeps per content hash.
 *
 * @param format           recognised format
 * @param width            upright width
 * @param height           upright height
 * @param blurScore        {@code BlurMeasure} score
 * @param jpegQuality      estimated JPEG quality, null when not a JPEG or unknown
 * @param heavyCompression the JPEG quality is low
 * @param perceptualHash   16 hex digits
 * @param rotatedByExif    stored rotated or mirrored
 * @param transparent      has transparent pixels
 */
public record ImageMeasures(String format, int width, int height, double blurScore, Integer jpegQuality,
                            boolean heavyCompression, String perceptualHash, boolean rotatedByExif,
                            boolean transparent) {

    /**
     * Changes whenever a measure is computed differently (a new blur measure, a new hash), so cached values of an
     * older build are measured again rather than trusted.
     */
    public static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write image measures as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not a measures object */
    public static ImageMeasures fromJson(String json) {
        try {
            return JSON.readValue(json, ImageMeasures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not image measures: " + e.getOriginalMessage(), e);
        }
    }
}
