package io.atelier.tageditor.ui.autotag;

import io.atelier.tageditor.ui.complete.Vocabulary;
import io.atelier.tagger.model.TagVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the tag list of a tagger model folder ({@code selected_tags.csv}) for autocomplete and the statistics'
 * categories, once per folder and file version for all windows. Call off the event thread.
 */
public final class VocabularyLoader {

    private record Key(Path csv, long modified, long size) {
    }

    private static final Map<Key, Vocabulary> CACHE = new ConcurrentHashMap<>();

    private VocabularyLoader() {
    }

    /** The vocabulary of the model folder; empty when no folder is set. */
    public static Vocabulary load(Path modelFolder) throws IOException {
        if (modelFolder == null) {
            return Vocabulary.EMPTY;
        }
        Path csv = modelFolder.resolve(TagVocabulary.FILE_NAME);
        Key key = new Key(csv, Files.exists(csv) ? Files.getLastModifiedTime(csv).toMillis() : -1,
                Files.exists(csv) ? Files.size(csv) : -1);
        Vocabulary known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        Vocabulary v = new Vocabulary(TagVocabulary.read(csv), csv.toString());
        CACHE.keySet().removeIf(k -> k.csv().equals(csv));
        CACHE.put(key, v);
        return v;
    }
}
