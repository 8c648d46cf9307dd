package io.atelier.dataset.ui.grid;

import io.atelier.imaging.thumbnail.ThumbnailCache;
import io.atelier.project.api.AppStore;

/**
 * The app's one thumbnail cache, in {@code <atelier home>/cache/thumbnails}: beside the store, so it follows
 * {@code -Datelier.home} and {@code ATELIER_HOME} like everything else the app keeps, and is shared by every project
 * (the cache is keyed by content, so an image imported into two projects is decoded once).
 */
public final class Thumbnails {

    private static volatile ThumbnailCache shared;

    private Thumbnails() {
    }

    public static ThumbnailCache cache() {
        ThumbnailCache c = shared;
        if (c == null) {
            synchronized (Thumbnails.class) {
                c = shared;
                if (c == null) {
                    c = new ThumbnailCache(AppStore.location().thumbnailDir());
                    shared = c;
                }
            }
        }
        return c;
    }
}
