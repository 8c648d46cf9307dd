package io.atelier.imaging.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.atelier.imaging.hash.SyntheticPhotos;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BlurMeasureTest {

    /**
     * The evidence for BLURRY_BELOW: sharp photos at 1024×768 score above it, the same photos blurred with σ = 6 px
     * (σ = 3 px at the 512 px measuring scale) score below it, each with a factor-of-2 margin.
     */
    @Test
    void thresholdSeparatesSharpFromGaussianBlurred() {
        for (long seed = 1; seed <= 4; seed++) {
            BufferedImage sharp = SyntheticPhotos.photo(seed, 1024, 768);
            double sharpScore = BlurMeasure.score(sharp);
            double blurredScore = BlurMeasure.score(GaussianBlur.blur(sharp, 6.0));
            System.out.printf("blur: photo %d sharp %.1f, blurred (σ=3 at 512 px) %.1f%n", seed, sharpScore,
                    blurredScore);

            assertThat(sharpScore).isGreaterThan(2 * BlurMeasure.BLURRY_BELOW);
            assertThat(blurredScore).isLessThan(BlurMeasure.BLURRY_BELOW / 2);
            assertThat(BlurMeasure.isBlurry(sharp)).isFalse();
        }
    }

    @Test
    void scoresTheSamePictureAlikeAtDifferentResolutions() {
        BufferedImage large = SyntheticPhotos.photo(9, 2048, 1536);
        BufferedImage half = SyntheticPhotos.halfSize(large);

        assertThat(BlurMeasure.score(half)).isCloseTo(BlurMeasure.score(large),
                withinPercentage(5));
    }

    @Test
    void smallImagesEnlargedToTheMeasuringScaleLoseSharpness() {
        BufferedImage photo = SyntheticPhotos.photo(5, 1024, 768);
        BufferedImage tiny = SyntheticPhotos.halfSize(SyntheticPhotos.halfSize(photo));

        assertThat(BlurMeasure.score(tiny)).isLessThan(BlurMeasure.score(photo) / 2);
    }

    @Test
    void flatImageScoresZero() {
        BufferedImage flat = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        assertThat(BlurMeasure.score(flat)).isZero();
        assertThat(BlurMeasure.isBlurry(flat)).isTrue();
    }

    /**
     * Flat-colour art: crisp outlines on empty areas. Most of the picture has no detail at all, which must not read
     * as blur; the same picture blurred must still be flagged.
     */
    @Test
    void flatIllustrationsAreSharpUnlessBlurred() {
        for (long seed = 1; seed <= 8; seed++) {
            BufferedImage art = seed <= 4 ? FlatIllustrations.illustration(seed, 1024, 1024)
                    : FlatIllustrations.minimal(seed, 1024, 1024);
            double sharpScore = BlurMeasure.score(art);
            double blurredScore = BlurMeasure.score(GaussianBlur.blur(art, 6.0));
            System.out.printf("blur: illustration %d sharp %.1f, blurred %.1f%n", seed, sharpScore, blurredScore);

            assertThat(sharpScore).isGreaterThan(2 * BlurMeasure.BLURRY_BELOW);
            assertThat(blurredScore).isLessThan(BlurMeasure.BLURRY_BELOW / 2);
        }
    }
}
