package io.atelier.core.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** sd-scripts.md §7.1. */
class BucketLimitsTest {

    @Test
    void minIsRoundedDownAndMaxUpWithWarnings() {
        BucketLimits limits = BucketLimits.of(BucketSettings.of(1024, 1024, 300, 2000, 64));

        assertThat(limits.minReso()).isEqualTo(256);
        assertThat(limits.maxReso()).isEqualTo(2048);
        assertThat(limits.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("min_bucket_reso 300").contains("256"))
                .anySatisfy(w -> assertThat(w).contains("max_bucket_reso 2000").contains("2048"));
    }

    @Test
    void alignedValuesPassWithoutWarnings() {
        BucketLimits limits = BucketLimits.of(BucketSettings.of(1024, 1024, 256, 2048, 64));

        assertThat(limits.minReso()).isEqualTo(256);
        assertThat(limits.maxReso()).isEqualTo(2048);
        assertThat(limits.warnings()).isEmpty();
    }

    @Test
    void minAboveResolutionIsRefusedWithSdScriptsMessage() {
        assertThatThrownBy(() -> BucketLimits.of(BucketSettings.of(1024, 768, 1024, 2048, 64)))
                .hasMessageContaining("min_bucket_reso must be equal or less than resolution");
    }

    @Test
    void maxBelowResolutionIsRefusedWithSdScriptsMessage() {
        assertThatThrownBy(() -> BucketLimits.of(BucketSettings.of(1280, 768, 256, 1024, 64)))
                .hasMessageContaining("max_bucket_reso must be equal or greater than resolution");
    }

    @Test
    void minRoundingToZeroIsRefused() {
        assertThatThrownBy(() -> BucketLimits.of(BucketSettings.of(1024, 1024, 32, 1024, 64)))
                .hasMessageContaining("rounds down to 0");
    }
}
