package io.atelier.gallery.grid;

import io.atelier.core.gallery.Rating;
import io.atelier.runner.RunException;
import io.atelier.runner.gallery.RunGallery;
import io.atelier.store.Store;
import io.atelier.store.StoredRun;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a gallery window shows, read from the store in one go off the event thread: the project's runs (newest first)
 * and the chosen run's gallery and ratings.
 *
 * @param gallery null when the project has no runs
 */
public record GalleryLoad(List<StoredRun> runs, RunGallery gallery, List<Rating> ratings) {

    /**
     * @param runId the run to show; null = the newest run with samples, else the newest run
     */
    public static GalleryLoad read(Store store, Path projectFolder, UUID runId) throws RunException {
        Path folder = projectFolder.toAbsolutePath().normalize();
        List<StoredRun> runs = store.runs().list().stream()
                .filter(r -> r.projectFolder().toAbsolutePath().normalize().equals(folder))
                .sorted(Comparator.comparing(StoredRun::created).reversed()).toList();
        UUID chosen = runId;
        if (chosen == null) {
            chosen = runs.stream().filter(r -> !store.gallery().samples(r.id()).isEmpty()).findFirst()
                    .or(() -> runs.stream().findFirst()).map(StoredRun::id).orElse(null);
        }
        if (chosen == null) {
            return new GalleryLoad(runs, null, List.of());
        }
        return new GalleryLoad(runs, RunGallery.load(store, chosen), store.gallery().ratings(chosen));
    }
}
