package io.atelier.core.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.buckets.Bucket;
import io.atelier.core.buckets.ImageSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepBudgetTest {

    private static List<ImageSize> squares(int n) {
        return new ArrayList<>(Collections.nCopies(n, new ImageSize(1024, 1024)));
    }

    @Test
    void theReferenceExample() {
        // 20 images × 50 repeats, batch 2, 4 epochs → 500 batches per epoch → 2000 steps (sd-scripts.md §6)
        TrainingConfig c = TrainingConfig.defaults().with("num_repeats", 50);
        StepBudget b = StepBudget.of(c, squares(20));
        assertThat(b.batchesPerEpoch()).isEqualTo(500);
        assertThat(b.totalSteps()).isEqualTo(2000);
        assertThat(b.simpleSteps()).isEqualTo(2000.0);
        assertThat(b.overBudget()).isFalse();
        assertThat(b.suggestedRepeats()).isNull();
        assertThat(b.buckets()).singleElement().isEqualTo(new BucketSteps(new Bucket(1024, 1024), 20, 1000, 500));
    }

    @Test
    void bucketsWithOddCountsAddPartialBatchesAndAccumulationDivides() {
        List<ImageSize> images = squares(3);
        images.add(new ImageSize(832, 1216));
        images.add(new ImageSize(1216, 832));
        images.add(new ImageSize(1216, 832));
        TrainingConfig c = TrainingConfig.defaults().with("num_repeats", 1).with("train_batch_size", 2);

        StepBudget b = StepBudget.of(c, images);

        assertThat(b.buckets()).extracting(BucketSteps::images).containsExactlyInAnyOrder(3, 1, 2);
        assertThat(b.batchesPerEpoch()).isEqualTo(2 + 1 + 1); // ceil(3/2) + ceil(1/2) + ceil(2/2)
        assertThat(b.simpleSteps()).isEqualTo(12.0);          // 6 × 1 × 4 ÷ 2, blind to buckets
        assertThat(b.totalSteps()).isEqualTo(16);
        StepBudget accumulated = StepBudget.of(c.with("gradient_accumulation_steps", 3), images);
        assertThat(accumulated.stepsPerEpoch()).isEqualTo(2);  // ceil(4 / 3)
        assertThat(accumulated.totalSteps()).isEqualTo(8);
    }

    @Test
    void overTheGuardTheLargestRepeatsThatFitIsSuggested() {
        // 40 × 60 × 4 ÷ 2 = 4800 > 4000; 50 repeats give exactly 4000
        StepBudget b = StepBudget.of(TrainingConfig.defaults().with("num_repeats", 60), squares(40));
        assertThat(b.totalSteps()).isEqualTo(4800);
        assertThat(b.overBudget()).isTrue();
        assertThat(b.suggestedRepeats()).isEqualTo(50);
        assertThat(StepBudget.of(TrainingConfig.defaults(), squares(30)).totalSteps()).isEqualTo(3600);
    }

    @Test
    void fileSizesMatchTheReferenceTable() {
        long xl = LoraFileSize.estimate(TrainingConfig.defaults());
        assertThat(xl).isBetween(228_300_000L, 228_500_000L);             // ≈ 228.4 MB
        long unetOnly = LoraFileSize.estimate(TrainingConfig.defaults().with("network_train_unet_only", true));
        assertThat(unetOnly).isBetween(170_400_000L, 170_600_000L);       // ≈ 170.5 MB
        long fp32 = LoraFileSize.estimate(TrainingConfig.defaults().with("save_precision", "float"));
        assertThat(fp32).isBetween(456_300_000L, 456_600_000L);           // ≈ 456.5 MB
        long sd15 = LoraFileSize.estimate(BuiltInPresets.sd15());
        assertThat(sd15).isBetween(37_600_000L, 38_000_000L);             // ≈ 37.7 MB
        assertThat(StepBudget.of(TrainingConfig.defaults(), List.of()).totalSteps()).isZero();
    }
}
