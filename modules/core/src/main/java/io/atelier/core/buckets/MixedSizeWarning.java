package io.atelier.core.buckets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Warns when bucketing is off but the images do not all share the resolution's aspect ratio: sd-scripts then
 * centre-crops every image to one size (§7.5), silently cutting off heads, feet or whole sides.
 */
public final class MixedSizeWarning {

    private MixedSizeWarning() {
    }

    /** Empty when bucketing is on, or when no image would lose pixels to the crop. */
    public static Optional<String> check(BucketSettings settings, List<ImageSize> images) {
        if (settings.enabled() || images.isEmpty()) {
            return Optional.empty();
        }
        BucketSelector selector = BucketSelector.of(settings);
        int cropped = 0;
        double worst = 0;
        for (ImageSize image : images) {
            double lost = selector.select(image).croppedFraction();
            if (lost > 0) {
                cropped++;
                worst = Math.max(worst, lost);
            }
        }
        if (cropped == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "Bucketing is off: %d of %d images do not match %dx%d and will be centre-cropped to it "
                        + "(up to %.0f%% of an image lost). Turn on enable_bucket to keep whole images.",
                cropped, images.size(), settings.width(), settings.height(), worst * 100));
    }
}
