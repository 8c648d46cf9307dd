package io.atelier.gallery;

import io.atelier.project.api.AppStore;
import org.openide.util.lookup.ServiceProvider;

/** On exit, before the store closes: generation jobs are cancelled, so no image is recorded into a closed store. */
@ServiceProvider(service = AppStore.BeforeClose.class)
public final class GalleryShutdown implements AppStore.BeforeClose {

    @Override
    public void storeClosing() {
        AppGallery.close();
    }
}
