package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerTagRepositoryTest {

    @TempDir
    Path home;

    private static ModelTag tag(String name, float p) {
        return new ModelTag(name, "GENERAL", p, "wd-vit-tagger-v3", Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void remembersPerImageContentAndReplacesOnRetagging() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            TaggerTagRepository repo = store.taggerTags();
            repo.remember("ABC", List.of(tag("solo", 0.9f), tag("smile", 0.4f), tag("solo", 0.3f)));
            repo.remember("def", List.of(tag("1girl", 0.99f)));

            assertThat(repo.tagsOf("abc")).extracting(ModelTag::tag).containsExactly("solo", "smile");
            assertThat(repo.tagsOf("abc").get(0).probability()).isEqualTo(0.9f);
            assertThat(repo.tagsOf("abc").get(0).taggedAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));

            repo.remember("abc", List.of(tag("open mouth", 0.7f)));
            Map<String, List<ModelTag>> both = repo.tagsOf(List.of("abc", "DEF", "none"));
            assertThat(both).containsOnlyKeys("abc", "def");
            assertThat(both.get("abc")).extracting(ModelTag::tag).containsExactly("open mouth");
            assertThat(repo.tagsOf("none")).isEmpty();
        }
        try (Store again = Store.open(new StoreLocation(home))) {
            assertThat(again.taggerTags().tagsOf("def")).extracting(ModelTag::model).containsExactly("wd-vit-tagger-v3");
        }
    }
}
