package io.atelier.imaging.prepare;

import io.atelier.imaging.resample.Resampler;
import java.util.Objects;

/**
 * How Prepare resizes and writes the dataset.
 *
 * @param longSide long side of every prepared image in pixels (1024 default; 1536 and 2048 offered)
 * @param format   PNG or JPEG
 */
public record PrepareOptions(int longSide, OutputFormat format) {

    public static final PrepareOptions DEFAULTS = new PrepareOptions(Resampler.DEFAULT_LONG_SIDE, OutputFormat.PNG);
    /** Below this no Stable Diffusion model trains usefully; above it no GPU does. */
    public static final int MIN_LONG_SIDE = 256;
    public static final int MAX_LONG_SIDE = 8192;

    public PrepareOptions {
        Objects.requireNonNull(format, "format");
        if (longSide < MIN_LONG_SIDE || longSide > MAX_LONG_SIDE) {
            throw new IllegalArgumentException("long side must be between " + MIN_LONG_SIDE + " and "
                    + MAX_LONG_SIDE + " px, got " + longSide);
        }
    }
}
