package io.atelier.engine.djl.run;

import io.atelier.core.buckets.Bucket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One epoch's batches as sd-scripts forms them (§6, §7.6): every image {@code repeats} times in its bucket, each
 * bucket's items shuffled and cut into batches of {@code batchSize} (the last one may be short), then the batch
 * order shuffled; the shuffles seeded with {@code seed + epoch}, so a resumed run sees the same batches.
 */
final class EpochBatches {

    private EpochBatches() {
    }

    static List<List<TrainingImage>> of(List<TrainingImage> images, int repeats, int batchSize, long seed, int epoch) {
        SortedMap<Bucket, List<TrainingImage>> buckets = new TreeMap<>();
        for (TrainingImage image : images) {
            List<TrainingImage> items = buckets.computeIfAbsent(image.bucket(), b -> new ArrayList<>());
            for (int r = 0; r < repeats; r++) {
                items.add(image);
            }
        }
        Random random = new Random(seed + epoch);
        List<List<TrainingImage>> batches = new ArrayList<>();
        for (List<TrainingImage> items : buckets.values()) {
            Collections.shuffle(items, random);
            for (int i = 0; i < items.size(); i += batchSize) {
                batches.add(List.copyOf(items.subList(i, Math.min(items.size(), i + batchSize))));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
