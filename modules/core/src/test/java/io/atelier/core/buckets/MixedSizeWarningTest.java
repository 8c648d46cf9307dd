package io.atelier.core.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixedSizeWarningTest {

    private static final BucketSettings OFF = BucketSettings.of(1024, 1024, 256, 1024, 64).withEnabled(false);

    @Test
    void warnsWhenBucketingIsOffAndImagesWouldBeCropped() {
        List<ImageSize> images = List.of(new ImageSize(2048, 2048), new ImageSize(1500, 1000),
                new ImageSize(1000, 2000));

        assertThat(MixedSizeWarning.check(OFF, images)).hasValueSatisfying(message -> assertThat(message)
                .contains("2 of 3 images").contains("1024x1024").contains("up to 50%").contains("enable_bucket"));
    }

    @Test
    void silentWhenAllImagesShareTheResolutionsAspect() {
        assertThat(MixedSizeWarning.check(OFF, List.of(new ImageSize(2048, 2048), new ImageSize(512, 512))))
                .isEmpty();
    }

    @Test
    void silentWhenBucketingIsOn() {
        assertThat(MixedSizeWarning.check(OFF.withEnabled(true), List.of(new ImageSize(1500, 1000)))).isEmpty();
    }
}
