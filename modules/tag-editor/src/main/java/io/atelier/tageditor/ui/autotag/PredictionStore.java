package io.atelier.tageditor.ui.autotag;

import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.imaging.hash.ContentHash;
import io.atelier.project.api.AppStore;
import io.atelier.store.ModelTag;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import io.atelier.tagger.batch.TaggedImage;
import io.atelier.tagger.select.TagPrediction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps which tags a tagger model wrote in the app's store, per image content, so the marks survive a restart and
 * follow an image that is renamed. Images are hashed once per version (path, size, time) in this session. Call off
 * the event thread. When the store cannot be opened the marks live for the session only; the store already told the
 * user why.
 */
public final class PredictionStore {

    private static final Logger LOG = Logger.getLogger(PredictionStore.class.getName());
    /** Content hashes of image versions seen in this session. */
    private static final Map<DatasetImage, String> HASHES = new ConcurrentHashMap<>();
    private static final int MAX_HASHES = 100_000;

    private PredictionStore() {
    }

    /** The remembered model-made tags of these images; stops early (with what it has) when cancelled. */
    public static Map<Path, Map<String, PredictionMarks.Mark>> load(List<DatasetImage> images,
            BooleanSupplier cancelled) {
        Map<String, List<Path>> byHash = new HashMap<>();
        for (DatasetImage image : images) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            String hash = hash(image);
            if (hash != null) {
                byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(image.file());
            }
        }
        Map<Path, Map<String, PredictionMarks.Mark>> marks = new HashMap<>();
        if (byHash.isEmpty()) {
            return marks;
        }
        Map<String, List<ModelTag>> stored;
        try {
            stored = AppStore.store().taggerTags().tagsOf(byHash.keySet());
        } catch (StoreException | StoreAccessException e) {
            LOG.log(Level.INFO, "model-made tags not read from the store", e);
            return marks;
        }
        stored.forEach((hash, tags) -> {
            Map<String, PredictionMarks.Mark> m = new LinkedHashMap<>();
            for (ModelTag t : tags) {
                m.putIfAbsent(t.tag(), new PredictionMarks.Mark(t.model(), t.probability()));
            }
            for (Path image : byHash.getOrDefault(hash, List.of())) {
                marks.put(image, m);
            }
        });
        return marks;
    }

    /** Remembers what a tagging run wrote; returns whether the store took it. */
    public static boolean remember(List<TaggedImage> tagged, String model) {
        Instant now = Instant.now();
        try {
            var repository = AppStore.store().taggerTags();
            for (TaggedImage t : tagged) {
                if (t.written().isEmpty()) {
                    continue;
                }
                List<ModelTag> tags = new ArrayList<>();
                for (TagPrediction p : t.written()) {
                    tags.add(new ModelTag(p.tag(), p.category().name(), p.probability(), model, now));
                }
                repository.remember(t.contentHash(), tags);
            }
            return true;
        } catch (StoreException | StoreAccessException e) {
            LOG.log(Level.INFO, "model-made tags not remembered in the store", e);
            return false;
        }
    }

    private static String hash(DatasetImage image) {
        String known = HASHES.get(image);
        if (known != null) {
            return known;
        }
        try {
            String h = ContentHash.of(image.file());
            if (HASHES.size() >= MAX_HASHES) {
                HASHES.clear();   // a long session with many datasets: hashing again is cheaper than the memory
            }
            HASHES.put(image, h);
            return h;
        } catch (IOException e) {
            LOG.log(Level.FINE, "not hashed: " + image.file(), e);
            return null;
        }
    }
}
