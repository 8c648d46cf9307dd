package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberListTest {

    @Test
    void blankMeansTheDefaults() {
        assertThat(NumberList.seeds("Seeds", "  ")).isEmpty();
        assertThat(NumberList.decimals("CFG scales", null, 0, 30)).isEmpty();
    }

    @Test
    void commasSpacesAndSemicolonsSeparate() {
        assertThat(NumberList.seeds("Seeds", "1234, 42;7 8")).containsExactly(1234L, 42L, 7L, 8L);
        assertThat(NumberList.decimals("LoRA strengths", "0.6, 0.8, 1.0, 1", -4, 4)).containsExactly(0.6, 0.8, 1.0);
    }

    @Test
    void badItemsAreNamedWithTheirField() {
        assertThatThrownBy(() -> NumberList.seeds("Seeds", "12, abc")).hasMessage(
                "Seeds: \"abc\" is not a seed (0 to 2147483647)");
        assertThatThrownBy(() -> NumberList.seeds("Seeds", "-1")).hasMessageContaining("\"-1\"");
        assertThatThrownBy(() -> NumberList.decimals("CFG scales", "7, 0", 0, 30)).hasMessage(
                "CFG scales: 0 is outside 0–30");
        assertThatThrownBy(() -> NumberList.decimals("CFG scales", "7,x", 0, 30)).hasMessage(
                "CFG scales: \"x\" is not a number");
    }
}
