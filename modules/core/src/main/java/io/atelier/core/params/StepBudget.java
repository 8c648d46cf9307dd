package io.atelier.core.params;

import io.atelier.core.buckets.Bucket;
import io.atelier.core.buckets.BucketPlan;
import io.atelier.core.buckets.BucketPlanner;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.ImageSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The step count of a training run as sd-scripts computes it (reference/sd-scripts.md §6): every image goes into its
 * bucket {@code num_repeats} times, batches form within a bucket ({@code ceil} per bucket), the batches of an epoch are
 * divided by gradient accumulation ({@code ceil}), times the epochs. Beside it the workflow's simple formula
 * {@code images × repeats × epochs ÷ batch} and the 4,000-step guard with the largest repeats that fits.
 *
 * @param buckets           per bucket: images, items, batches
 * @param images            images in the dataset
 * @param repeats           the configured repeats
 * @param epochs            the configured epochs
 * @param batchSize         the configured batch size
 * @param batchesPerEpoch   Σ per-bucket batches (sd-scripts' "num batches per epoch")
 * @param stepsPerEpoch     {@code ceil(batchesPerEpoch / gradient accumulation)}
 * @param totalSteps        {@code epochs × stepsPerEpoch}
 * @param simpleSteps       the workflow's {@code images × repeats × epochs ÷ batch}
 * @param suggestedRepeats  the largest repeats that keeps {@code totalSteps} within the budget; null when the
 *                          configured repeats fit (or not even 1 repeat fits)
 * @param fileSizeBytes     the LoRA file's estimated size
 */
public record StepBudget(List<BucketSteps> buckets, int images, int repeats, int epochs, int batchSize,
                         long batchesPerEpoch, long stepsPerEpoch, long totalSteps, double simpleSteps,
                         Integer suggestedRepeats, long fileSizeBytes) {

    /** The workflow's limit: more total steps overtrain a LoRA. */
    public static final long MAX_STEPS = 4000;

    public StepBudget {
        buckets = List.copyOf(buckets);
    }

    public boolean overBudget() {
        return totalSteps > MAX_STEPS;
    }

    /**
     * The budget of {@code config} for a dataset of these image sizes (stored sizes, as sd-scripts buckets them).
     *
     * @throws IllegalArgumentException when sd-scripts would refuse the bucket settings (its message)
     */
    public static StepBudget of(TrainingConfig config, List<ImageSize> images) {
        int resolution = config.getInt(Params.RESOLUTION);
        BucketSettings settings = new BucketSettings(resolution, resolution, config.getInt(Params.MIN_BUCKET_RESO),
                config.getInt(Params.MAX_BUCKET_RESO), config.getInt(Params.BUCKET_STEPS),
                config.getBool(Params.BUCKET_NO_UPSCALE), config.getBool(Params.ENABLE_BUCKET));
        BucketPlan plan = images.isEmpty() ? null : new BucketPlanner(settings).assign(images);
        int repeats = config.getInt(Params.REPEATS);
        int epochs = config.getInt(Params.EPOCHS);
        int batch = config.getInt(Params.BATCH_SIZE);
        int accumulation = config.getInt(Params.GRAD_ACCUMULATION);

        List<BucketSteps> rows = new ArrayList<>();
        if (plan != null) {
            for (Map.Entry<Bucket, Integer> e : plan.counts().entrySet()) {
                long items = (long) e.getValue() * repeats;
                rows.add(new BucketSteps(e.getKey(), e.getValue(), items, ceil(items, batch)));
            }
        }
        long perEpoch = batchesPerEpoch(plan, repeats, batch);
        long steps = ceil(perEpoch, accumulation);
        long total = epochs * steps;
        Integer suggestion = null;
        if (total > MAX_STEPS) {
            for (int r = repeats - 1; r >= 1; r--) {
                if (epochs * ceil(batchesPerEpoch(plan, r, batch), accumulation) <= MAX_STEPS) {
                    suggestion = r;
                    break;
                }
            }
        }
        double simple = (double) images.size() * repeats * epochs / batch;
        return new StepBudget(rows, images.size(), repeats, epochs, batch, perEpoch, steps, total, simple, suggestion,
                LoraFileSize.estimate(config));
    }

    private static long batchesPerEpoch(BucketPlan plan, int repeats, int batch) {
        if (plan == null) {
            return 0;
        }
        long sum = 0;
        for (int count : plan.counts().values()) {
            sum += ceil((long) count * repeats, batch);
        }
        return sum;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
