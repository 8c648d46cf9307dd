package io.atelier.core.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-checked assignments (the arithmetic is worked out in each comment) following sd-scripts.md §7.3–7.5. */
class BucketSelectorTest {

    private static final BucketSettings SDXL_2048 = BucketSettings.of(1024, 1024, 256, 2048, 64);
    private static final BucketSettings SDXL_DEFAULT = BucketSettings.of(1024, 1024, 256, 1024, 64);

    private static BucketAssignment select(BucketSettings s, int w, int h) {
        return BucketSelector.of(s).select(new ImageSize(w, h));
    }

    @Test
    void squareImageIsScaledToTheSquareBucketWithoutCrop() {
        BucketAssignment a = select(SDXL_DEFAULT, 2000, 2000);

        assertThat(a.bucket()).isEqualTo(new Bucket(1024, 1024));
        assertThat(a.resized()).isEqualTo(new ImageSize(1024, 1024));
        assertThat(a.crop()).isEqualTo(new CropRect(0, 0, 1024, 1024));
        assertThat(a.aspectError()).isZero();
    }

    @Test
    void portrait2to3GoesTo832x1216AndLoses32RowsCentred() {
        // ar 0.6667; nearest is 832/1216 = 0.6842 (error 0.0175); ar < bucket ar → scale = 832/1000
        // resized (832, int(1248 + 0.5)) = (832, 1248); trim 32 rows, top = 16
        BucketAssignment a = select(SDXL_2048, 1000, 1500);

        assertThat(a.bucket()).isEqualTo(new Bucket(832, 1216));
        assertThat(a.resized()).isEqualTo(new ImageSize(832, 1248));
        assertThat(a.crop()).isEqualTo(new CropRect(0, 16, 832, 1232));
        assertThat(a.aspectError()).isCloseTo(832.0 / 1216 - 2.0 / 3, within(1e-12));
        assertThat(a.upscaled()).isFalse();
    }

    @Test
    void landscape3to2IsTheMirror() {
        BucketAssignment a = select(SDXL_2048, 1500, 1000);

        assertThat(a.bucket()).isEqualTo(new Bucket(1216, 832));
        assertThat(a.resized()).isEqualTo(new ImageSize(1248, 832));
        assertThat(a.crop()).isEqualTo(new CropRect(16, 0, 1232, 832));
    }

    @Test
    void extremeOneToFourIsClampedByMaxReso() {
        // with max 2048 a 1:4 bucket exists (512x2048); with max 1024 the tallest is 256x1024 (a quarter of the area)
        assertThat(select(SDXL_2048, 500, 2000).bucket()).isEqualTo(new Bucket(512, 2048));
        BucketAssignment clamped = select(SDXL_DEFAULT, 500, 2000);
        assertThat(clamped.bucket()).isEqualTo(new Bucket(256, 1024));
        assertThat(clamped.resized()).isEqualTo(new ImageSize(256, 1024));
        assertThat(clamped.crop()).isEqualTo(new CropRect(0, 0, 256, 1024));
    }

    @Test
    void extremeOneToEightKeepsOnlyTheMiddleHalf() {
        // ar 0.125 → narrowest bucket 256x1024 (0.25); scale = 256/250 → resized (256, 2048); trim 1024, top 512
        BucketAssignment a = select(SDXL_DEFAULT, 250, 2000);

        assertThat(a.bucket()).isEqualTo(new Bucket(256, 1024));
        assertThat(a.resized()).isEqualTo(new ImageSize(256, 2048));
        assertThat(a.crop()).isEqualTo(new CropRect(0, 512, 256, 1536));
        assertThat(a.croppedFraction()).isEqualTo(0.5);
        assertThat(a.upscaled()).isTrue();
    }

    @Test
    void smallImageIsUpscaledInNormalMode() {
        BucketAssignment a = select(SDXL_DEFAULT, 512, 512);

        assertThat(a.resized()).isEqualTo(new ImageSize(1024, 1024));
        assertThat(a.upscaled()).isTrue();
    }

    @Test
    void imageAlreadyAtABucketSizeIsLeftAlone() {
        BucketAssignment a = select(SDXL_2048, 1216, 832);

        assertThat(a.bucket()).isEqualTo(new Bucket(1216, 832));
        assertThat(a.resized()).isEqualTo(new ImageSize(1216, 832));
        assertThat(a.crop()).isEqualTo(new CropRect(0, 0, 1216, 832));
    }

    @Test
    void aspectTieGoesToTheFirstBucketInSortedOrder() {
        // 992/1024 = 0.96875 lies exactly between 960/1024 = 0.9375 and 1024/1024 = 1 (both errors 0.03125)
        BucketAssignment a = select(SDXL_DEFAULT, 992, 1024);

        assertThat(a.bucket()).isEqualTo(new Bucket(960, 1024));
        // ar > 0.9375 → scale = 1024/1024 → resized (992, 1024); trim 32 columns, left 16
        assertThat(a.resized()).isEqualTo(new ImageSize(992, 1024));
        assertThat(a.crop()).isEqualTo(new CropRect(16, 0, 976, 1024));
    }

    @Test
    void noUpscaleKeepsASmallImageAndFloorsTheBucketToTheGrid() {
        // 700x500 is under the 1024² budget: no resize; bucket (700 − 60, 500 − 52) = (640, 448); crop centred
        BucketAssignment a = select(SDXL_DEFAULT.withNoUpscale(true), 700, 500);

        assertThat(a.resized()).isEqualTo(new ImageSize(700, 500));
        assertThat(a.bucket()).isEqualTo(new Bucket(640, 448));
        assertThat(a.crop()).isEqualTo(new CropRect(30, 26, 670, 474));
        assertThat(a.aspectError()).isCloseTo(640.0 / 448 - 1.4, within(1e-12));
        assertThat(a.upscaled()).isFalse();
    }

    @Test
    void noUpscaleShrinksALargeImageToTheBudget() {
        // ar 1.5: rw = sqrt(1048576·1.5) = 1254.1, rh = 836.1
        // A: bw = 1216, bh = round_to_steps(810.7) = 768 → 1.583 (error 0.083)
        // B: bh = 832, bw = round_to_steps(1248) = 1216 → 1.4615 (error 0.038) → B wins: resized (1248, 832)
        BucketAssignment a = select(SDXL_DEFAULT.withNoUpscale(true), 3000, 2000);

        assertThat(a.resized()).isEqualTo(new ImageSize(1248, 832));
        assertThat(a.bucket()).isEqualTo(new Bucket(1216, 832));
        assertThat(a.crop()).isEqualTo(new CropRect(16, 0, 1232, 832));
    }

    @Test
    void noUpscaleChoosesTheWidthCandidateWhenItIsCloser() {
        // ar 1.25: rw = sqrt(1048576·1.25) = 1144.9, rh = 915.9
        // A: bw = 1088, bh = round_to_steps(870.4) = 832 → 1.3077 (error 0.0577)
        // B: bh = 896, bw = round_to_steps(1120) = 1088 → 1.2143 (error 0.0357) → B: (1120, 896)
        BucketAssignment b = select(SDXL_DEFAULT.withNoUpscale(true), 2500, 2000);
        assertThat(b.resized()).isEqualTo(new ImageSize(1120, 896));
        assertThat(b.bucket()).isEqualTo(new Bucket(1088, 896));

        // ar 2: rw = 1448.2, rh = 724.1
        // A: bw = round_to_steps(1448.2) = 1408, bh = round_to_steps(704) = 704 → exactly 2 (error 0)
        // → A: (1408, int(704 + 0.5)) = (1408, 704)
        BucketAssignment a = select(SDXL_DEFAULT.withNoUpscale(true), 4000, 2000);
        assertThat(a.resized()).isEqualTo(new ImageSize(1408, 704));
        assertThat(a.bucket()).isEqualTo(new Bucket(1408, 704));
    }

    @Test
    void noUpscaleRejectsAnImageNarrowerThanOneStep() {
        assertThatThrownBy(() -> select(SDXL_DEFAULT.withNoUpscale(true), 40, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40x500");
    }

    @Test
    void disabledBucketingCoversTheResolutionAndCropsTheRest() {
        // 1500x1000 → ar 1.5 > 1 → scale = 1024/1000 → (1536, 1024); trim 512, left 256
        BucketAssignment a = select(SDXL_DEFAULT.withEnabled(false), 1500, 1000);

        assertThat(a.bucket()).isEqualTo(new Bucket(1024, 1024));
        assertThat(a.resized()).isEqualTo(new ImageSize(1536, 1024));
        assertThat(a.crop()).isEqualTo(new CropRect(256, 0, 1280, 1024));
    }

    @Test
    void disabledBucketingIgnoresMinAndMax() {
        // min above the resolution would be refused with bucketing on
        BucketSettings s = new BucketSettings(512, 512, 1024, 1024, 64, false, false);
        assertThat(BucketSelector.of(s).buckets()).containsExactly(new Bucket(512, 512));
    }
}
