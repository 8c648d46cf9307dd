package io.atelier.core.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagStatisticsTest {

    @Test
    void countsImagesPerTagMostUsedFirst() {
        Map<Path, Caption> captions = new LinkedHashMap<>();
        captions.put(Path.of("1.png"), Caption.parse("t, solo, solo, smile"));
        captions.put(Path.of("2.png"), Caption.parse("t, solo"));
        captions.put(Path.of("3.png"), Caption.parse("t, 1boy"));
        captions.put(Path.of("4.png"), Caption.EMPTY);

        TagStatistics stats = TagStatistics.of(captions);

        assertThat(stats.rows()).extracting(TagCount::tag).containsExactly("t", "solo", "1boy", "smile");
        assertThat(stats.rows().get(0).share()).isEqualTo(0.75);
        assertThat(stats.count("solo")).isEqualTo(2);
        assertThat(stats.count("missing")).isZero();
        assertThat(stats.images()).isEqualTo(4);
    }

    @Test
    void expressionsCombineTagsWithSpaces() {
        TagExpression e = TagExpression.parse("blue eyes AND NOT (1boy OR \"black AND white\")");
        assertThat(e.matches(List.of("Blue Eyes", "solo"))).isTrue();
        assertThat(e.matches(List.of("blue eyes", "1boy"))).isFalse();
        assertThat(e.matches(List.of("blue eyes", "black AND white"))).isFalse();
        assertThat(e.matches(List.of("solo"))).isFalse();

        assertThat(TagExpression.parse("black and white").matches(List.of("black and white"))).isTrue();
        assertThat(TagExpression.parse("a, b | c").matches(List.of("c"))).isTrue();
        assertThat(TagExpression.parse("a OR b AND c").matches(List.of("a"))).isTrue();
        assertThat(TagExpression.parse("!a").matches(List.of("b"))).isTrue();
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertThatThrownBy(() -> TagExpression.parse("(a OR b")).hasMessage("missing ')' for the '(' at 1");
        assertThatThrownBy(() -> TagExpression.parse("a AND")).hasMessage("a tag is missing at the end");
        assertThatThrownBy(() -> TagExpression.parse("AND a")).hasMessage("a tag is missing before 'AND' at 1");
        assertThatThrownBy(() -> TagExpression.parse("a )")).hasMessage("unexpected ')' at 3");
        assertThatThrownBy(() -> TagExpression.parse("  ")).hasMessage("the expression is empty");
        assertThatThrownBy(() -> TagExpression.parse("\"a")).hasMessageContaining("missing closing quote");
    }
}
