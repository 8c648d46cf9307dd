package io.atelier.runner;

import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.TrainingEngine;
import io.atelier.store.Store;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openide.util.Lookup;

/**
 * The training engines this installation has and their settings on this machine, kept in the store under
 * {@code engine.<id>.<key>} so the app's Options panel and {@code atelier engine config} edit the same values.
 */
public final class EngineCatalog {

    private final Store store;
    private final List<TrainingEngine> engines;

    public EngineCatalog(Store store, Collection<? extends TrainingEngine> engines) {
        this.store = store;
        this.engines = engines.stream().sorted(Comparator.comparing(TrainingEngine::id))
                .map(TrainingEngine.class::cast).toList();
    }

    /** The engines registered with {@code @ServiceProvider} (module system in the app, META-INF/services in the CLI). */
    public static EngineCatalog fromLookup(Store store) {
        return new EngineCatalog(store, Lookup.getDefault().lookupAll(TrainingEngine.class));
    }

    public List<TrainingEngine> engines() {
        return engines;
    }

    public TrainingEngine engine(String id) throws RunException {
        for (TrainingEngine e : engines) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new RunException("there is no training engine \"" + id + "\" (known: "
                + engines.stream().map(TrainingEngine::id).collect(Collectors.joining(", ")) + ")");
    }

    public EngineSettings settings(String engineId) {
        return new EngineSettings(store.settings().withPrefix(prefix(engineId)));
    }

    /** Replaces the engine's settings: keys {@code settings} lacks are removed. */
    public void saveSettings(String engineId, EngineSettings settings) {
        Map<String, String> changes = new HashMap<>();
        settings(engineId).values().keySet().forEach(k -> changes.put(prefix(engineId) + k, ""));
        settings.values().forEach((k, v) -> changes.put(prefix(engineId) + k, v));
        store.settings().putAll(changes);
    }

    private static String prefix(String engineId) {
        return "engine." + engineId + ".";
    }
}
