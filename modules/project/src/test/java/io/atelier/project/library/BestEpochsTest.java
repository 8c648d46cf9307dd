package io.atelier.project.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.gallery.EpochPick;
import io.atelier.core.run.RunState;
import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BestEpochsTest {

    private static StoredRun run(Path folder, String created) {
        return new StoredRun(UUID.randomUUID(), folder, "builtin", "{}", RunState.SUCCEEDED, null, null, null, null,
                Instant.parse(created), Instant.parse(created), null, null, null, false);
    }

    private static EpochPick pick(StoredRun run, int epoch) {
        return new EpochPick(run.id(), epoch, null, Instant.EPOCH);
    }

    @Test
    void theNewestPickedRunOfEachProjectWins() {
        Path cat = Path.of("/loras/cat");
        Path dog = Path.of("/loras/dog");
        StoredRun oldCat = run(cat, "2026-01-01T00:00:00Z");
        StoredRun newCat = run(cat.resolve("../cat"), "2026-02-01T00:00:00Z");
        StoredRun newestCatUnpicked = run(cat, "2026-03-01T00:00:00Z");
        StoredRun dogRun = run(dog, "2026-01-05T00:00:00Z");
        Map<Path, String> best = BestEpochs.byProject(List.of(oldCat, newCat, newestCatUnpicked, dogRun),
                Map.of(oldCat.id(), pick(oldCat, 3), newCat.id(), pick(newCat, 8)));
        assertThat(best).containsOnlyKeys(BestEpochs.key(cat));
        assertThat(best.get(BestEpochs.key(cat))).isEqualTo("epoch 8 (run " + newCat.id().toString().substring(0, 8)
                + ")");
    }
}
