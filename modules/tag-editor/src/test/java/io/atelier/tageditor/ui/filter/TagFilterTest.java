package io.atelier.tageditor.ui.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter field: blank lets everything through, a valid expression narrows, an invalid one says why. */
class TagFilterTest {

    @Test
    void blankIsEverything() {
        assertThat(TagFilter.parse("  ")).isSameAs(TagFilter.ALL);
        assertThat(TagFilter.ALL.active()).isFalse();
        assertThat(TagFilter.ALL.accepts(List.of())).isTrue();
    }

    @Test
    void anExpressionNarrows() {
        TagFilter f = TagFilter.parse("blue eyes AND NOT (1boy OR \"black and white\")");
        assertThat(f.active()).isTrue();
        assertThat(f.error()).isNull();
        assertThat(f.accepts(List.of("blue eyes", "1girl"))).isTrue();
        assertThat(f.accepts(List.of("blue eyes", "1boy"))).isFalse();
        assertThat(f.accepts(List.of("blue eyes", "black and white"))).isFalse();
        assertThat(f.accepts(List.of("green eyes"))).isFalse();
    }

    @Test
    void anInvalidExpressionSaysWhereAndFiltersNothing() {
        TagFilter f = TagFilter.parse("blue eyes AND (1girl");
        assertThat(f.active()).isFalse();
        assertThat(f.error()).contains("missing ')'").contains("15");
        assertThat(f.accepts(List.of("anything"))).isTrue();
    }

    @Test
    void addingATagToTheFilter() {
        assertThat(TagFilter.and("", "smile")).isEqualTo("\"smile\"");
        assertThat(TagFilter.and("NOT (", "smile")).isEqualTo("\"smile\"");
        assertThat(TagFilter.and("solo", "hatsune miku (vocaloid)")).isEqualTo("solo AND \"hatsune miku (vocaloid)\"");
        assertThat(TagFilter.and("a OR b", "c")).isEqualTo("(a OR b) AND \"c\"");
        assertThat(TagFilter.parse(TagFilter.and("a OR b", "c")).accepts(List.of("b", "c"))).isTrue();
    }
}
