package io.atelier.gallery;

import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.runner.EngineCatalog;
import io.atelier.store.Store;
import java.util.Comparator;
import java.util.List;
import org.openide.util.Lookup;

/**
 * The registered image samplers and where each keeps its settings: the built-in sampler shares the built-in engine's
 * settings (its tokenizer folder), others keep theirs under {@code sampler.<id>.}.
 */
public final class GallerySamplers {

    public static final String BUILTIN = "builtin";
    public static final String COMFYUI = "comfyui";
    public static final String COMFYUI_URL = "sampler.comfyui.url";

    private GallerySamplers() {
    }

    /** Built-in first, then by id. */
    public static List<ImageSampler> all() {
        return Lookup.getDefault().lookupAll(ImageSampler.class).stream()
                .sorted(Comparator.comparing((ImageSampler s) -> !BUILTIN.equals(s.id())).thenComparing(
                        ImageSampler::id))
                .map(ImageSampler.class::cast).toList();
    }

    /** Reads the store: not on the event thread. */
    public static EngineSettings settings(Store store, String samplerId) {
        if (BUILTIN.equals(samplerId)) {
            return EngineCatalog.fromLookup(store).settings(BUILTIN);
        }
        return new EngineSettings(store.settings().withPrefix("sampler." + samplerId + "."));
    }
}
