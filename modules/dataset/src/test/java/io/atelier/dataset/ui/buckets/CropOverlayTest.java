package io.atelier.dataset.ui.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketSelector;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.buckets.ImageSize;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Where the kept part of a bucketed image is drawn, on a thumbnail of any size. */
class CropOverlayTest {

    private static BucketAssignment assign(int w, int h, BucketSettings s) {
        return BucketSelector.of(s).select(new ImageSize(w, h));
    }

    @Test
    void aWideImageLosesItsSidesInProportionWhateverTheShownSize() {
        // bucketing off: every image is covered to 1024 x 1024 and centre-cropped
        BucketAssignment a = assign(2048, 1024, BucketSettings.of(1024, 1024, 256, 1024, 64).withEnabled(false));
        assertThat(a.resized()).isEqualTo(new ImageSize(2048, 1024));
        assertThat(a.crop().left()).isEqualTo(512);

        Rectangle2D kept = CropOverlay.keptArea(a, new Rectangle2D.Double(10, 20, 200, 100));
        assertThat(kept.getX()).isCloseTo(60, within(1e-9));      // 10 + 512/2048 * 200
        assertThat(kept.getY()).isCloseTo(20, within(1e-9));
        assertThat(kept.getWidth()).isCloseTo(100, within(1e-9)); // half the width survives
        assertThat(kept.getHeight()).isCloseTo(100, within(1e-9));
    }

    @Test
    void anImageThatFitsItsBucketKeepsEverything() {
        BucketAssignment a = assign(832, 1216, BucketSettings.of(1024, 1024, 256, 2048, 64));   // an exact bucket
        assertThat(a.croppedFraction()).isZero();
        Rectangle2D shown = new Rectangle2D.Double(0, 0, 83.2, 121.6);
        assertThat(CropOverlay.keptArea(a, shown)).isEqualTo(shown);
    }

    @Test
    void aTallImageLosesTopAndBottom() {
        BucketAssignment a = assign(1000, 1500, BucketSettings.of(1024, 1024, 256, 1024, 64));
        Rectangle2D kept = CropOverlay.keptArea(a, new Rectangle2D.Double(0, 0, a.resized().width(),
                a.resized().height()));
        assertThat(kept.getX()).isZero();
        assertThat(kept.getY()).isEqualTo(a.crop().top());
        assertThat(kept.getHeight()).isEqualTo(a.bucket().height());
    }

    @Test
    void noCropIsDrawnOnAnImageShownTheOtherWayRound() {
        BucketAssignment stored = assign(1216, 832, BucketSettings.of(1024, 1024, 256, 1024, 64));
        assertThat(CropOverlay.sameOrientation(stored, 256, 175)).isTrue();
        assertThat(CropOverlay.sameOrientation(stored, 175, 256)).isFalse();   // EXIF-rotated on screen
        assertThat(CropOverlay.sameOrientation(assign(1024, 1024, BucketSettings.of(1024, 1024, 256, 1024, 64)),
                175, 256)).isTrue();
    }

    @Test
    void paintsTheShadeOutsideAndLeavesTheKeptAreaAlone() {
        BucketAssignment a = assign(2048, 1024, BucketSettings.of(1024, 1024, 256, 1024, 64).withEnabled(false));
        BufferedImage canvas = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        CropOverlay.paint(g, a, new Rectangle2D.Double(0, 0, 200, 100));
        g.dispose();
        assertThat(canvas.getRGB(10, 50) & 0xFF).isLessThan(200);           // cut away: darkened
        assertThat(canvas.getRGB(100, 50) & 0xFFFFFF).isEqualTo(0xFFFFFF);  // kept: untouched
    }
}
