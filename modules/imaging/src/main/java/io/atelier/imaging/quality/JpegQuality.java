package io.atelier.imaging.quality;

/**
 * Estimated JPEG quality on the IJG 1..100 scale. {@code exactMatch} is true when the file's luminance table is
 * exactly the IJG standard table scaled for that quality (libjpeg, ImageIO, most cameras' "export" paths); false
 * when the encoder used its own tables (Photoshop, some phones) and the quality is the nearest IJG equivalent.
 */
public record JpegQuality(int quality, boolean exactMatch) {

    /** Below this, 8×8 block artefacts and colour banding show and get learned by the LoRA. */
    public static final int HEAVY_COMPRESSION_BELOW = 70;

    public JpegQuality {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, got " + quality);
        }
    }

    public boolean heavilyCompressed() {
        return quality < HEAVY_COMPRESSION_BELOW;
    }
}
