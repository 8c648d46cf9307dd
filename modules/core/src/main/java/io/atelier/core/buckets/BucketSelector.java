package io.atelier.core.buckets;

import java.util.List;

/**
 * sd-scripts' {@code BucketManager.select_bucket} plus the crop of {@code trim_and_resize_if_required}
 * (sd-scripts.md §7.3–7.5), with centre cropping (no {@code random_crop}). Arithmetic follows the Python
 * operation by operation (double division, {@code int(x + 0.5)} rounding) so results match to the pixel.
 */
public final class BucketSelector {

    private final List<Bucket> predefined;   // empty in no-upscale mode
    private final double[] predefinedAspects;
    private final long maxArea;
    private final int steps;

    private BucketSelector(List<Bucket> predefined, long maxArea, int steps) {
        this.predefined = List.copyOf(predefined);
        this.predefinedAspects = predefined.stream().mapToDouble(Bucket::aspect).toArray();
        this.maxArea = maxArea;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException when sd-scripts would refuse the settings (see {@link BucketLimits}) */
    public static BucketSelector of(BucketSettings s) {
        if (!s.enabled()) {
            // §7.5: a single bucket equal to the resolution; min/max/no-upscale do not apply
            return new BucketSelector(List.of(new Bucket(s.width(), s.height())), s.maxArea(), s.steps());
        }
        BucketLimits limits = BucketLimits.of(s);
        if (s.noUpscale()) {
            return new BucketSelector(List.of(), s.maxArea(), s.steps());
        }
        return new BucketSelector(
                BucketResolutions.make(s.width(), s.height(), limits.minReso(), limits.maxReso(), s.steps()),
                s.maxArea(), s.steps());
    }

    /** The predefined bucket list; empty in no-upscale mode, where buckets follow the images. */
    public List<Bucket> buckets() {
        return predefined;
    }

    public BucketAssignment select(ImageSize image) {
        double ar = image.aspect();
        Bucket bucket;
        ImageSize resized;
        if (!predefined.isEmpty()) {
            bucket = nearestPredefined(image, ar);
            // cover the bucket: fit the side that is relatively shorter, the other one overflows and is cropped
            double scale = ar > bucket.aspect()
                    ? (double) bucket.height() / image.height()
                    : (double) bucket.width() / image.width();
            resized = new ImageSize(roundHalfUp(image.width() * scale), roundHalfUp(image.height() * scale));
        } else {
            resized = image.width() * (long) image.height() > maxArea ? shrinkToArea(ar) : image;
            int bw = resized.width() - resized.width() % steps;
            int bh = resized.height() - resized.height() % steps;
            if (bw == 0 || bh == 0) {
                throw new IllegalArgumentException("image " + image + " is smaller than bucket_reso_steps " + steps
                        + " on one side; bucket_no_upscale cannot place it");
            }
            bucket = new Bucket(bw, bh);
        }
        return new BucketAssignment(image, bucket, resized, centreCrop(resized, bucket), bucket.aspect() - ar);
    }

    private Bucket nearestPredefined(ImageSize image, double ar) {
        Bucket exact = new Bucket(image.width(), image.height());
        if (predefined.contains(exact)) {
            return exact;
        }
        // numpy argmin: strictly smaller error wins, so ties go to the first bucket in sorted order
        int best = 0;
        double bestError = Math.abs(predefinedAspects[0] - ar);
        for (int i = 1; i < predefinedAspects.length; i++) {
            double error = Math.abs(predefinedAspects[i] - ar);
            if (error < bestError) {
                best = i;
                bestError = error;
            }
        }
        return predefined.get(best);
    }

    /** §7.4: an image over the pixel budget is shrunk to it, keeping the aspect ratio, with one side on the grid. */
    private ImageSize shrinkToArea(double ar) {
        double rw = Math.sqrt(maxArea * ar);
        double rh = maxArea / rw;
        int bwA = roundToSteps(rw);
        double aspectA = (double) bwA / roundToSteps(bwA / ar); // Python would raise on /0; Java gives Infinity,
        int bhB = roundToSteps(rh);                              // which simply never wins
        double aspectB = (double) roundToSteps(bhB * ar) / bhB;
        if (Math.abs(aspectA - ar) < Math.abs(aspectB - ar)) {
            return new ImageSize(bwA, roundHalfUp(bwA / ar));
        }
        return new ImageSize(roundHalfUp(bhB * ar), bhB);
    }

    private int roundToSteps(double x) {
        int rounded = roundHalfUp(x);
        return rounded - rounded % steps;
    }

    /** Python {@code int(x + 0.5)}: truncation, which is round-half-up for the positive sizes used here. */
    private static int roundHalfUp(double x) {
        return (int) (x + 0.5);
    }

    private static CropRect centreCrop(ImageSize resized, Bucket bucket) {
        int left = Math.max(0, resized.width() - bucket.width()) / 2;
        int top = Math.max(0, resized.height() - bucket.height()) / 2;
        return new CropRect(left, top, left + bucket.width(), top + bucket.height());
    }
}
