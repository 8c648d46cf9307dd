package io.atelier.core.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionTest {

    @Test
    void parsesCommaSeparatedTagsTrimmedWithEmptyOnesDropped() {
        Caption c = Caption.parse("GLSHS,  1girl ,solo,, long   hair\n");
        assertThat(c.tags()).containsExactly("GLSHS", "1girl", "solo", "long hair");
        assertThat(c.text()).isEqualTo("GLSHS, 1girl, solo, long hair");
        assertThat(Caption.parse("a, b\nc").tags()).containsExactly("a", "b", "c");
        assertThat(Caption.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void triggerWordGoesFirstExactlyOnceWhateverItsCase() {
        Caption c = Caption.parse("1girl, glshs, solo, GLSHS");
        assertThat(c.withTriggerFirst("GLSHS").tags()).containsExactly("GLSHS", "1girl", "solo");
        assertThat(Caption.EMPTY.withTriggerFirst("GLSHS").tags()).containsExactly("GLSHS");
        assertThat(c.withTriggerFirst(" ")).isSameAs(c);
        assertThat(Caption.parse("glshs, a").startsWithTrigger("GLSHS")).isTrue();
    }

    @Test
    void editsReturnNewCaptions() {
        Caption c = Caption.parse("t, a, b, a");
        assertThat(c.without("a").tags()).containsExactly("t", "b");
        assertThat(c.with("x", 1).tags()).containsExactly("t", "x", "a", "b", "a");
        assertThat(c.with("x", -1).tags()).containsExactly("t", "a", "b", "a", "x");
        assertThat(c.add("b", 0)).isSameAs(c);
        assertThat(c.moved(3, 1).tags()).containsExactly("t", "a", "a", "b");
        assertThat(c.replaced(2, "c").tags()).containsExactly("t", "a", "c", "a");
        assertThat(c.replaced(2, " ").tags()).containsExactly("t", "a", "a");
        assertThat(c.withoutDuplicates().tags()).containsExactly("t", "a", "b");
        assertThat(Caption.parse("T, b, A, c").sorted("t").tags()).containsExactly("T", "A", "b", "c");
        assertThat(Caption.of(List.of(" a ", "", "b")).tags()).containsExactly("a", "b");
    }

    @Test
    void tagRules() {
        assertThat(Tags.underscoresToSpaces("long_hair")).isEqualTo("long hair");
        assertThat(Tags.underscoresToSpaces("^_^")).isEqualTo("^_^");
        assertThat(Tags.underscoresToSpaces("||_||")).isEqualTo("||_||");
        assertThat(Tags.escapeParentheses("hatsune miku (cosplay)")).isEqualTo("hatsune miku \\(cosplay\\)");
        assertThat(Tags.escapeParentheses("a \\(b\\)")).isEqualTo("a \\(b\\)");
    }
}
