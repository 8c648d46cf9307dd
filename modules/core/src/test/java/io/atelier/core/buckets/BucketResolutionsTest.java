package io.atelier.core.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket lists printed in sd-scripts.md §7.2. */
class BucketResolutionsTest {

    @Test
    void sdxlDefaultsGive25BucketsAllTouching1024() {
        List<Bucket> buckets = BucketResolutions.make(1024, 1024, 256, 1024, 64);

        List<Bucket> expected = new ArrayList<>();
        for (int w = 256; w <= 1024; w += 64) {
            expected.add(new Bucket(w, 1024));
        }
        for (int h = 256; h < 1024; h += 64) {
            expected.add(new Bucket(1024, h));
        }
        assertThat(buckets).hasSize(25).containsExactlyInAnyOrderElementsOf(expected).isSorted();
    }

    @Test
    void sdxlWithMax2048GivesThe41DocumentedBuckets() {
        int[][] half = {{256, 2048}, {320, 2048}, {384, 2048}, {448, 2048}, {512, 1856}, {512, 1920}, {512, 1984},
                {512, 2048}, {576, 1664}, {576, 1728}, {576, 1792}, {640, 1536}, {640, 1600}, {704, 1408},
                {704, 1472}, {768, 1280}, {768, 1344}, {832, 1216}, {896, 1152}, {960, 1088}};
        List<Bucket> expected = new ArrayList<>();
        for (int[] b : half) {
            expected.add(new Bucket(b[0], b[1]));
            expected.add(new Bucket(b[1], b[0]));
        }
        expected.add(new Bucket(1024, 1024));
        expected.sort(null);

        assertThat(BucketResolutions.make(1024, 1024, 256, 2048, 64)).containsExactlyElementsOf(expected);
    }

    @Test
    void sd15DefaultsGive17Buckets() {
        List<Bucket> buckets = BucketResolutions.make(512, 512, 256, 1024, 64);

        assertThat(buckets).hasSize(17)
                .startsWith(new Bucket(256, 832), new Bucket(256, 896), new Bucket(256, 960), new Bucket(256, 1024),
                        new Bucket(320, 704), new Bucket(320, 768), new Bucket(384, 640), new Bucket(448, 576),
                        new Bucket(512, 512))
                .contains(new Bucket(1024, 256), new Bucket(576, 448), new Bucket(832, 256));
        assertThat(buckets).allSatisfy(b -> assertThat(b.width() * b.height()).isLessThanOrEqualTo(512 * 512));
    }

    @Test
    void squareIsFlooredToTheStepGrid() {
        // sqrt(1000 * 1000) = 1000 → 960 on a 64 grid; it is the only bucket with min = max = 960
        assertThat(BucketResolutions.make(1000, 1000, 960, 960, 64)).containsExactly(new Bucket(960, 960));
    }
}
