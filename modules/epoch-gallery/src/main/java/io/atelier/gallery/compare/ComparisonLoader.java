package io.atelier.gallery.compare;

import io.atelier.core.compare.RunLabel;
import io.atelier.core.compare.RunComparison;
import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.EpochPick;
import io.atelier.runner.RunException;
import io.atelier.runner.gallery.RunGallery;
import io.atelier.store.MetricSummary;
import io.atelier.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads what the Compare window shows of each run from the store. Off the event thread: it reads H2 and the spec. */
public final class ComparisonLoader {

    /** What was loaded: the runs in the order asked, and their comparison. */
    public record Loaded(List<ComparedRun> runs, RunComparison comparison) {
    }

    private ComparisonLoader() {
    }

    /** @throws RunException when a run is gone or its spec does not read, naming the run */
    public static Loaded load(Store store, List<UUID> ids) throws RunException {
        if (ids.size() < 2) {
            throw new RunException("choose at least two runs to compare, not " + ids.size());
        }
        List<ComparedRun> runs = new ArrayList<>();
        for (UUID id : ids) {
            runs.add(run(store, id));
        }
        return new Loaded(List.copyOf(runs), new RunComparison(runs.stream().map(ComparedRun::compared).toList()));
    }

    static ComparedRun run(Store store, UUID id) throws RunException {
        RunGallery gallery;
        try {
            gallery = RunGallery.load(store, id);
        } catch (IllegalArgumentException e) {
            throw new RunException("the spec of run " + RunLabel.shortId(id) + " cannot be read: " + e.getMessage());
        }
        String label = RunLabel.of(gallery.run().projectFolder(), gallery.spec().baseModel(), id);
        EpochGrid grid = gallery.grid(gallery.baseModelName(), EpochGrid.Axis.PROMPT, 0);
        return new ComparedRun(gallery.run(), gallery.spec(), label,
                store.metrics().series(id, ComparedRun.LOSS), store.metrics().series(id, ComparedRun.VALIDATION),
                results(store.metrics().summary(id)), gallery.pick().map(EpochPick::epoch).orElse(null), grid);
    }

    /** The last value of each loss series, and the lowest of each validation series (the one that picks an epoch). */
    static Map<String, Double> results(List<MetricSummary> summaries) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (MetricSummary s : summaries) {
            if (s.count() == 0 || !s.name().startsWith("loss/")) {
                continue; // learning rates and the like end where the schedule says: nothing to compare
            }
            values.put(s.name(), s.lastValue());
            if (s.name().startsWith("loss/validation/")) {
                values.put(s.name() + " (lowest)", s.minValue());
            }
        }
        return values;
    }
}
