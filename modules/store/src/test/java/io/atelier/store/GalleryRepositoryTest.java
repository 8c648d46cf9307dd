package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.gallery.Rating;
import io.atelier.core.gallery.SampleImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryRepositoryTest {

    @TempDir
    Path home;

    static SampleImage sample(UUID run, Path file, int epoch, Long seed, double strength) {
        return new SampleImage(UUID.randomUUID(), run, file, SampleImage.Source.RUN, epoch, epoch * 100L, 0,
                "mychar, smiling", "blurry", seed, "euler_a", 7, 28, 512, 768, "v1-5.safetensors", null, strength,
                Instant.parse("2026-11-29T10:00:00Z").plusSeconds(epoch));
    }

    @Test
    void samplesPicksAndRatingsAreKeptPerRun() throws Exception {
        try (Store store = Store.open(new StoreLocation(home))) {
            UUID run = UUID.randomUUID();
            store.runs().enqueue(run, home.resolve("lora"), "builtin", "{}");
            SampleImage a = sample(run, home.resolve("lora/runs/x/out/sample/a.png"), 1, 42L, 1);
            SampleImage b = sample(run, home.resolve("lora/runs/x/out/sample/b.png"), 2, null, 0.8);
            store.gallery().add(a);
            store.gallery().add(b);
            store.gallery().add(a); // reported twice: one row
            assertThat(store.gallery().samples(run)).hasSize(2);
            SampleImage back = store.gallery().samples(run).get(0);
            assertThat(back).isEqualTo(a);
            assertThat(store.gallery().samples(run).get(1).seed()).isNull();

            assertThat(store.gallery().pick(run)).isEmpty();
            store.gallery().pick(run, 2, "  crisp eyes ");
            store.gallery().pick(run, 3, null);
            assertThat(store.gallery().pick(run)).hasValueSatisfying(p -> {
                assertThat(p.epoch()).isEqualTo(3);
                assertThat(p.note()).isNull();
            });
            assertThat(store.gallery().picks()).containsOnlyKeys(run);

            store.gallery().rate(new Rating(run, 2, 0, 4, "good"));
            store.gallery().rate(new Rating(run, 2, Rating.WHOLE_EPOCH, null, "overfits a bit"));
            store.gallery().rate(new Rating(run, 1, 0, 2, null));
            store.gallery().rate(new Rating(run, 1, 0, null, " ")); // neither: removed
            assertThat(store.gallery().ratings(run)).containsExactly(new Rating(run, 2, -1, null, "overfits a bit"),
                    new Rating(run, 2, 0, 4, "good"));
            assertThatThrownBy(() -> new Rating(run, 1, 0, 6, null)).hasMessageContaining("1 to 5");

        }
    }
}
