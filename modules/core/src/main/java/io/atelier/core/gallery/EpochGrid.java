package io.atelier.core.gallery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The gallery of one run on one base model: rows are epochs (row 0 = the base model without the LoRA), columns are
 * the sample prompts, or the LoRA strengths of one prompt. A cell shows the newest image made for it. A column whose
 * images were made with different seeds is flagged: its epochs cannot be compared fairly.
 */
public final class EpochGrid {

    /** What the columns are. */
    public enum Axis { PROMPT, STRENGTH }

    /**
     * A column: a prompt (its index and text), at a strength ({@link Axis#STRENGTH}) or at the run's 1.0.
     *
     * @param seedProblem why the column's seeds do not match, or null
     */
    public record Column(int promptIndex, String prompt, double strength, Long seed, String seedProblem) {
    }

    private final String baseModel;
    private final Axis axis;
    private final List<Integer> epochs;
    private final List<Column> columns;
    private final Map<Integer, Map<Integer, SampleImage>> cells; // epoch → column index → image

    private EpochGrid(String baseModel, Axis axis, List<Integer> epochs, List<Column> columns,
            Map<Integer, Map<Integer, SampleImage>> cells) {
        this.baseModel = baseModel;
        this.axis = axis;
        this.epochs = epochs;
        this.columns = columns;
        this.cells = cells;
    }

    /**
     * Arranges the samples of one base model.
     *
     * @param checkpointEpochs the epochs the run saved a LoRA for (rows even without images), besides those with images
     * @param promptIndex      for {@link Axis#STRENGTH}: the prompt whose strengths are the columns
     */
    public static EpochGrid of(List<SampleImage> samples, List<Integer> checkpointEpochs, String baseModel, Axis axis,
            int promptIndex) {
        List<SampleImage> mine = samples.stream().filter(s -> s.baseModel().equals(baseModel))
                .filter(s -> axis == Axis.PROMPT ? isStrength(s, 1) || s.epoch() == 0 : s.promptIndex() == promptIndex)
                .sorted(Comparator.comparing(SampleImage::created)).toList();
        TreeSet<Integer> epochs = new TreeSet<>(checkpointEpochs);
        epochs.add(0);
        mine.forEach(s -> epochs.add(s.epoch()));

        // columns in order of prompt index (or strength); the text of the newest image names it
        Map<Long, List<SampleImage>> byColumn = new java.util.TreeMap<>();
        for (SampleImage s : mine) {
            long key = axis == Axis.PROMPT ? s.promptIndex() : Math.round(s.loraStrength() * 1000);
            if (axis == Axis.STRENGTH && s.epoch() == 0) {
                continue; // the base model has no strength; row 0 shows it in every column
            }
            byColumn.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        if (axis == Axis.STRENGTH) {
            mine.stream().filter(s -> s.epoch() == 0).forEach(base -> byColumn.values()
                    .forEach(list -> list.add(0, base)));
        }
        List<Column> columns = new ArrayList<>();
        Map<Integer, Map<Integer, SampleImage>> cells = new HashMap<>();
        for (Map.Entry<Long, List<SampleImage>> e : byColumn.entrySet()) {
            List<SampleImage> images = e.getValue();
            SampleImage newest = images.get(images.size() - 1);
            Long seed = commonSeed(images);
            String problem = seedProblem(images, seed);
            int c = columns.size();
            columns.add(new Column(newest.promptIndex(), newest.prompt(),
                    axis == Axis.PROMPT ? 1 : e.getKey() / 1000.0, seed, problem));
            for (SampleImage s : images) {
                // the newest image per epoch with the column's seed wins; one with another seed only when there is none
                Map<Integer, SampleImage> row = cells.computeIfAbsent(s.epoch(), k -> new HashMap<>());
                SampleImage held = row.get(c);
                if (held == null || Objects.equals(s.seed(), seed) || !Objects.equals(held.seed(), seed)) {
                    row.put(c, s);
                }
            }
        }
        return new EpochGrid(baseModel, axis, List.copyOf(epochs), List.copyOf(columns), cells);
    }

    private static boolean isStrength(SampleImage s, double strength) {
        return Math.abs(s.loraStrength() - strength) < 1e-6;
    }

    /** The seed most images of the column have (null when none is known). */
    private static Long commonSeed(List<SampleImage> images) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        images.stream().map(SampleImage::seed).filter(Objects::nonNull).forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String seedProblem(List<SampleImage> images, Long seed) {
        long unknown = images.stream().filter(s -> s.seed() == null).count();
        TreeSet<Long> seeds = new TreeSet<>();
        images.stream().map(SampleImage::seed).filter(Objects::nonNull).forEach(seeds::add);
        if (seeds.size() > 1) {
            return "different seeds across epochs (" + seeds + "): the epochs are not compared on the same noise";
        }
        if (unknown > 0) {
            return unknown + " image" + (unknown == 1 ? "" : "s") + " without a known seed (sd-scripts draws one "
                    + "each time when the prompt has no --d)";
        }
        return null;
    }

    public String baseModel() {
        return baseModel;
    }

    public Axis axis() {
        return axis;
    }

    /** Ascending, starting with 0 (the base model). */
    public List<Integer> epochs() {
        return epochs;
    }

    public List<Column> columns() {
        return columns;
    }

    public Optional<SampleImage> cell(int epoch, int column) {
        return Optional.ofNullable(cells.getOrDefault(epoch, Collections.emptyMap()).get(column));
    }

    /** How many cells have an image. */
    public int filled() {
        return cells.values().stream().mapToInt(Map::size).sum();
    }
}
