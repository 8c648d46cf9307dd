package io.atelier.core.buckets;

/**
 * The sd-scripts options that decide bucketing: {@code resolution} (W, H), {@code min_bucket_reso},
 * {@code max_bucket_reso}, {@code bucket_reso_steps}, {@code bucket_no_upscale} and {@code enable_bucket}.
 * Values are kept as the user wrote them; {@link BucketLimits} applies sd-scripts' rounding and checks.
 */
public record BucketSettings(int width, int height, int minReso, int maxReso, int steps,
                             boolean noUpscale, boolean enabled) {

    /** sd-scripts' argparse defaults for the bucket options. */
    public static final int DEFAULT_MIN_RESO = 256;
    public static final int DEFAULT_MAX_RESO = 1024;
    public static final int DEFAULT_STEPS = 64;

    public BucketSettings {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution must be positive, got " + width + "x" + height);
        }
        if (steps <= 0) {
            throw new IllegalArgumentException("bucket_reso_steps must be positive, got " + steps);
        }
        if (minReso <= 0 || maxReso <= 0) {
            throw new IllegalArgumentException("min/max_bucket_reso must be positive, got " + minReso + "/" + maxReso);
        }
    }

    /** Bucketing on, upscaling allowed: the usual LoRA setup. */
    public static BucketSettings of(int width, int height, int minReso, int maxReso, int steps) {
        return new BucketSettings(width, height, minReso, maxReso, steps, false, true);
    }

    public BucketSettings withNoUpscale(boolean value) {
        return new BucketSettings(width, height, minReso, maxReso, steps, value, enabled);
    }

    public BucketSettings withEnabled(boolean value) {
        return new BucketSettings(width, height, minReso, maxReso, steps, noUpscale, value);
    }

    /** {@code W × H}: the pixel budget every bucket stays within. */
    public long maxArea() {
        return (long) width * height;
    }
}
