package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCacheRepositoryTest {

    @TempDir
    Path home;

    @Test
    void keepsValuesPerAreaAndKeyAcrossOpens() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            ContentCacheRepository.Area measures = store.contentCache().area("image-measures-v2");
            measures.put("abc", "{\"w\":1}");
            measures.put("abc", "{\"w\":2}");
            assertThat(measures.get("abc")).contains("{\"w\":2}");
            assertThat(store.contentCache().area("other").get("abc")).isEmpty();
            assertThat(measures.get("missing")).isEmpty();
        }
        try (Store again = Store.open(new StoreLocation(home))) {
            assertThat(again.contentCache().area("image-measures-v2").get("abc")).contains("{\"w\":2}");
        }
    }
}
