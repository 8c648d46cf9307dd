package io.atelier.project.library;

import io.atelier.core.gallery.EpochPick;
import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The library's "Best epoch" per project: the pick of the project's newest run that has one, as
 * "epoch N (run short id)". The newest, because a later run usually supersedes earlier ones of the same LoRA.
 */
final class BestEpochs {

    private BestEpochs() {
    }

    /** By project folder (absolute, normalised); projects without a picked run are absent. */
    static Map<Path, String> byProject(List<StoredRun> runs, Map<UUID, EpochPick> picks) {
        Map<Path, String> best = new HashMap<>();
        runs.stream().filter(r -> picks.containsKey(r.id()))
                .sorted(Comparator.comparing(StoredRun::created).reversed())
                .forEach(r -> best.putIfAbsent(key(r.projectFolder()), "epoch " + picks.get(r.id()).epoch()
                        + " (run " + r.id().toString().substring(0, 8) + ")"));
        return best;
    }

    static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
