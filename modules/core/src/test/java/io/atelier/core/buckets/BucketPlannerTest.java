package io.atelier.core.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BucketPlannerTest {

    private static final BucketSettings SDXL_2048 = BucketSettings.of(1024, 1024, 256, 2048, 64);

    @Test
    void countsImagesPerBucketInSortedOrderAndAveragesTheAspectError() {
        List<ImageSize> images = List.of(new ImageSize(1000, 1500), new ImageSize(2000, 2000),
                new ImageSize(1500, 1000), new ImageSize(800, 1200), new ImageSize(1024, 1024));

        BucketPlan plan = new BucketPlanner(SDXL_2048).assign(images);

        assertThat(plan.assignments()).extracting(BucketAssignment::image).containsExactlyElementsOf(images);
        assertThat(plan.counts()).containsExactly(
                java.util.Map.entry(new Bucket(832, 1216), 2),
                java.util.Map.entry(new Bucket(1024, 1024), 2),
                java.util.Map.entry(new Bucket(1216, 832), 1));
        double portrait = Math.abs(832.0 / 1216 - 2.0 / 3);
        double landscape = Math.abs(1216.0 / 832 - 1.5);
        assertThat(plan.meanAspectError()).isCloseTo((2 * portrait + landscape) / 5, within(1e-12));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void noUpscaleWarnsThatMinAndMaxAreIgnored() {
        BucketPlan plan = new BucketPlanner(SDXL_2048.withNoUpscale(true)).assign(List.of(new ImageSize(700, 500)));

        assertThat(plan.warnings()).singleElement().asString().contains("ignored");
        assertThat(plan.counts()).containsOnlyKeys(new Bucket(640, 448));
    }

    @Test
    void emptyDatasetGivesAnEmptyPlan() {
        BucketPlan plan = new BucketPlanner(SDXL_2048).assign(List.of());

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.counts()).isEmpty();
        assertThat(plan.meanAspectError()).isZero();
    }
}
