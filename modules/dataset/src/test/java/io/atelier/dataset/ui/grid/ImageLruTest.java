package io.atelier.dataset.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The thumbnail memory: bounded by bytes, least recently used out first. */
class ImageLruTest {

    private static final long TEN_BY_TEN = 400;   // 10 x 10 pixels, 4 bytes each

    private static ImageLru<String, BufferedImage> lru(long bytes) {
        return new ImageLru<>(bytes, i -> 4L * i.getWidth() * i.getHeight());
    }

    private static BufferedImage img() {
        return new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void evictsTheLeastRecentlyUsedWhenOverTheByteLimit() {
        ImageLru<String, BufferedImage> lru = lru(3 * TEN_BY_TEN);
        lru.put("a", img());
        lru.put("b", img());
        lru.put("c", img());
        lru.get("a");               // a is now the most recently used
        lru.put("d", img());        // over the limit: b goes
        assertThat(lru.get("b")).isNull();
        assertThat(lru.get("a")).isNotNull();
        assertThat(lru.get("c")).isNotNull();
        assertThat(lru.get("d")).isNotNull();
        assertThat(lru.bytes()).isEqualTo(3 * TEN_BY_TEN);
    }

    @Test
    void replacingAnEntryCountsItsBytesOnce() {
        ImageLru<String, BufferedImage> lru = lru(10 * TEN_BY_TEN);
        lru.put("a", img());
        lru.put("a", new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB));
        assertThat(lru.size()).isEqualTo(1);
        assertThat(lru.bytes()).isEqualTo(2 * TEN_BY_TEN);
    }

    @Test
    void keepsTheNewestEntryEvenWhenItAloneIsOverTheLimit() {
        ImageLru<String, BufferedImage> lru = lru(TEN_BY_TEN / 2);
        lru.put("a", img());
        lru.put("b", img());
        assertThat(lru.size()).isEqualTo(1);
        assertThat(lru.get("b")).isNotNull();
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> lru(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
