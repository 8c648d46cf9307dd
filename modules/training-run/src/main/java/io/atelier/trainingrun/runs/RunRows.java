package io.atelier.trainingrun.runs;

import io.atelier.core.gallery.EpochPick;
import io.atelier.core.run.RunSpecJson;
import io.atelier.store.StoredRun;
import io.atelier.trainingrun.watch.RunNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns stored runs into rows: the base model comes from the frozen spec (read once per run: it never changes), the
 * folder check from the disk. Off the event thread.
 */
final class RunRows {

    private static final Logger LOG = Logger.getLogger(RunRows.class.getName());
    private final Map<UUID, String> baseModels = new ConcurrentHashMap<>();

    /** @param picks the gallery's best-epoch picks by run */
    List<RunRow> rows(List<StoredRun> runs, Map<UUID, EpochPick> picks) {
        return runs.stream().map(r -> new RunRow(r, RunNames.project(r.projectFolder()), baseModel(r),
                !Files.isDirectory(r.projectFolder()), picks.containsKey(r.id()) ? picks.get(r.id()).epoch() : null))
                .toList();
    }

    private String baseModel(StoredRun run) {
        return baseModels.computeIfAbsent(run.id(), id -> {
            try {
                Path model = RunSpecJson.read(run.spec()).baseModel();
                String name = model.getFileName() == null ? model.toString() : model.getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 ? name.substring(0, dot) : name;
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "The spec of run " + id + " cannot be read", e);
                return "?";
            }
        });
    }
}
