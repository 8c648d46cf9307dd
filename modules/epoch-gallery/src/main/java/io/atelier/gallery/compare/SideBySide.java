package io.atelier.gallery.compare;

import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.SampleImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sample grids of several runs next to each other for one prompt: one column per run, one row per epoch any of
 * them has (row 0 = the base model without the LoRA). Each run keeps its own grid on its own base model; a run that
 * lacks the prompt or the epoch has an empty cell there. Pure, so the layout is tested without Swing.
 */
final class SideBySide {

    /** A prompt to choose: its index in the runs' sample prompts and the text of the first run that has it. */
    record Prompt(int index, String text) {
        @Override
        public String toString() {
            String shown = text.length() > 80 ? text.substring(0, 79) + "\u2026" : text;
            return "#" + index + "  " + shown;
        }
    }

    private SideBySide() {
    }

    /** Every prompt index any run has samples for, in order. */
    static List<Prompt> prompts(List<ComparedRun> runs) {
        TreeMap<Integer, String> prompts = new TreeMap<>();
        for (ComparedRun r : runs) {
            for (EpochGrid.Column c : r.grid().columns()) {
                prompts.putIfAbsent(c.promptIndex(), c.prompt());
            }
        }
        List<Prompt> out = new ArrayList<>();
        prompts.forEach((i, t) -> out.add(new Prompt(i, t)));
        return out;
    }

    /** The union of the runs' epochs, ascending from 0. */
    static List<Integer> epochs(List<ComparedRun> runs) {
        TreeSet<Integer> epochs = new TreeSet<>();
        runs.forEach(r -> epochs.addAll(r.grid().epochs()));
        return List.copyOf(epochs);
    }

    /** The run's image for the prompt at the epoch, if it has one. */
    static Optional<SampleImage> cell(ComparedRun run, int epoch, int promptIndex) {
        List<EpochGrid.Column> columns = run.grid().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).promptIndex() == promptIndex) {
                return run.grid().cell(epoch, c);
            }
        }
        return Optional.empty();
    }

    /** Why a column's epochs may not be comparable (different seeds), or null. */
    static String seedProblem(ComparedRun run, int promptIndex) {
        return run.grid().columns().stream().filter(c -> c.promptIndex() == promptIndex)
                .map(EpochGrid.Column::seedProblem).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
