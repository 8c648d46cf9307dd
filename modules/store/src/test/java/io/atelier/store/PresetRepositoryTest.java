package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.params.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetRepositoryTest {

    @TempDir
    Path home;

    @Test
    void everySaveIsANewImmutableVersion() throws Exception {
        String name = "Gl\u00e4ss \"shards\" \u2014 v2 \u65e5\u672c";
        try (Store store = Store.open(new StoreLocation(home))) {
            PresetRepository presets = store.presets();
            TrainingConfig base = TrainingConfig.defaults();
            assertThat(presets.save(name, base, " first ").version()).isEqualTo(1);
            assertThat(presets.save(name.toUpperCase(), base.with("network_dim", 16), null).version()).isEqualTo(2);
            assertThat(presets.save(name, base.with("network_dim", 64), "bigger").version()).isEqualTo(3);

            assertThat(presets.history(name)).extracting(PresetVersion::version, PresetVersion::note)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "first"),
                            org.assertj.core.groups.Tuple.tuple(2, null),
                            org.assertj.core.groups.Tuple.tuple(3, "bigger"));
            assertThat(presets.version(name, 2).config().values().get("network_dim")).isEqualTo(16);
            assertThat(presets.version(name, null).version()).isEqualTo(3);
            assertThat(presets.version(name, 1).config().diff(presets.version(name, 3).config()))
                    .extracting(c -> c.key()).containsExactly("network_dim");

            PresetVersion restored = presets.restore(name, 2);
            assertThat(restored.version()).isEqualTo(4);
            assertThat(restored.note()).isEqualTo("restored from version 2");
            assertThat(restored.config()).isEqualTo(presets.version(name, 2).config());
            assertThat(presets.list()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo(name);
                assertThat(s.latestVersion()).isEqualTo(4);
            });
            assertThatThrownBy(() -> presets.version(name, 9)).hasMessageContaining("has no version 9 (it has 1 to 4)");
        }
    }

    @Test
    void duplicateRenameAndSoftDelete() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            PresetRepository presets = store.presets();
            presets.save("A", TrainingConfig.defaults().with("seed", 1), null);
            PresetVersion copy = presets.duplicate("A", "B");
            assertThat(copy.version()).isEqualTo(1);
            assertThat(copy.note()).isEqualTo("copy of \"A\" version 1");
            assertThatThrownBy(() -> presets.duplicate("A", "b")).hasMessageContaining("exists already");
            assertThatThrownBy(() -> presets.rename("A", "B")).hasMessageContaining("exists already");
            presets.rename("A", "C");
            presets.delete("C");
            assertThat(presets.list()).extracting(PresetSummary::name).containsExactly("B");
            assertThatThrownBy(() -> presets.history("C")).hasMessage("no preset named \"C\"");
            assertThat(presets.save("C", TrainingConfig.defaults(), null).version()).isEqualTo(1); // the name is free
            assertThatThrownBy(() -> PresetRepository.checkName("two\nlines")).hasMessageContaining("line breaks");
            assertThatThrownBy(() -> PresetRepository.checkName("  ")).hasMessageContaining("needs a name");
        }
    }

    /** Two app instances saving the same preset at the same moment: every version is kept, numbered without gaps. */
    @Test
    void concurrentSavesFromTwoStoresKeepEveryVersion() throws Exception {
        try (Store one = Store.open(new StoreLocation(home)); Store two = Store.open(new StoreLocation(home))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<PresetVersion>> saves = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Store store = i % 2 == 0 ? one : two;
                int seed = i;
                saves.add(pool.submit(() -> store.presets().save("Shared", TrainingConfig.defaults()
                        .with("seed", seed), "save " + seed)));
            }
            for (Future<PresetVersion> f : saves) {
                f.get();
            }
            pool.shutdown();
            List<PresetVersion> history = one.presets().history("Shared");
            assertThat(history).extracting(PresetVersion::version)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
            assertThat(history).extracting(PresetVersion::note).hasSize(40).doesNotHaveDuplicates();
        }
    }
}
