package io.atelier.engine.djl.run;

import io.atelier.core.run.EngineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The images held out for the validation loss, as sd-scripts' {@code split_train_val} chooses them: the list shuffled
 * with {@code validation_seed}, the last {@code ⌊n × validation_split⌋} held out (Java's generator, so not the same
 * images sd-scripts' Python one would pick, but the same ones on every run of this engine).
 *
 * @param train the images trained on, in their original order
 * @param held  the held-out images
 */
record ValidationSplit(List<TrainingImage> train, List<TrainingImage> held) {

    /** The timesteps every held-out image is measured at: spread over the schedule, the same each epoch. */
    static final int[] TIMESTEPS = {10, 350, 500, 650, 990};

    static ValidationSplit of(List<TrainingImage> images, RunOptions.Validation v) throws EngineException {
        int heldCount = (int) Math.floor(images.size() * v.split());
        if (v.split() <= 0 || heldCount == 0) {
            return new ValidationSplit(images, List.of());
        }
        if (heldCount >= images.size()) {
            throw new EngineException("validation_split " + v.split() + " would hold out all " + images.size()
                    + " images; lower it or add images");
        }
        List<TrainingImage> shuffled = new ArrayList<>(images);
        Collections.shuffle(shuffled, new Random(v.seed()));
        List<TrainingImage> held = List.copyOf(shuffled.subList(shuffled.size() - heldCount, shuffled.size()));
        List<TrainingImage> train = images.stream().filter(i -> !held.contains(i)).toList();
        return new ValidationSplit(train, held);
    }
}
