package io.atelier.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.atelier.core.run.DatasetEntry;
import io.atelier.core.run.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two or more runs side by side: what they were trained on and with (base model, engine, dataset, every parameter)
 * where it differs, and how they ended (final and best losses, the picked epoch). Runs of different projects and
 * base models compare the same way.
 */
public final class RunComparison {

    /**
     * One run as compared.
     *
     * @param metrics    the run's final values by name ({@code loss/average}, best {@code loss/validation/epoch_average}…)
     * @param bestEpoch  the picked epoch, or null
     */
    public record Compared(String label, RunSpec spec, String state, Map<String, Double> metrics, Integer bestEpoch) {
    }

    /** A row: what, and its value per run (in the order the runs were given). */
    public record Row(String name, List<String> values) {
    }

    private final List<Compared> runs;

    public RunComparison(List<Compared> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare at least two runs, not " + runs.size());
        }
        this.runs = List.copyOf(runs);
    }

    public List<String> labels() {
        return runs.stream().map(Compared::label).toList();
    }

    /** Only what differs: base model, engine, dataset, then each parameter in key order. */
    public List<Row> differences() {
        List<Row> rows = new ArrayList<>();
        addIfDiffers(rows, "base model", runs.stream().map(r -> r.spec().baseModel().getFileName().toString()).toList());
        addIfDiffers(rows, "engine", runs.stream().map(r -> r.spec().engineId() + " " + r.spec().engineVersion())
                .toList());
        addIfDiffers(rows, "preset", runs.stream().map(r -> Objects.toString(r.spec().preset(), "")).toList());
        addIfDiffers(rows, "images", runs.stream().map(r -> Integer.toString(r.spec().dataset().size())).toList());
        addIfDiffers(rows, "dataset", runs.stream().map(r -> datasetFingerprint(r.spec().dataset())).toList());
        TreeSet<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.spec().config().values().keySet()));
        for (String key : keys) {
            addIfDiffers(rows, key, runs.stream().map(r -> Objects.toString(r.spec().config().values().get(key), ""))
                    .toList());
        }
        return rows;
    }

    /** How each run ended: state, picked epoch, then each metric any run has. */
    public List<Row> results() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("state", runs.stream().map(Compared::state).toList()));
        rows.add(new Row("best epoch", runs.stream().map(r -> r.bestEpoch() == null ? "" : r.bestEpoch().toString())
                .toList()));
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.metrics().keySet()));
        for (String name : names) {
            rows.add(new Row(name, runs.stream().map(r -> r.metrics().containsKey(name)
                    ? String.format(java.util.Locale.ROOT, "%.6g", r.metrics().get(name)) : "").toList()));
        }
        return rows;
    }

    private static void addIfDiffers(List<Row> rows, String name, List<String> values) {
        if (values.stream().distinct().count() > 1) {
            rows.add(new Row(name, values));
        }
    }

    /** Same images and captions ⇔ same fingerprint: the hashes of the manifest, in order. */
    private static String datasetFingerprint(List<DatasetEntry> entries) {
        return Integer.toHexString(entries.stream().map(e -> e.file() + "=" + e.sha256() + "/" + e.captionHash())
                .toList().hashCode());
    }

    /** One CSV: a header with the run labels, the differences, then the results (RFC 4180 quoting). */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("what");
        header.addAll(labels());
        line(out, header);
        for (Row r : differences()) {
            line(out, row(r));
        }
        for (Row r : results()) {
            line(out, row(r));
        }
        return out.toString();
    }

    private static List<String> row(Row r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.name());
        cells.addAll(r.values());
        return cells;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            out.append(i == 0 ? "" : ",").append(c.matches(".*[\",\\n\\r].*")
                    ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        out.append("\r\n");
    }

    /** {@code {"runs": [...], "differences": {name: [values]}, "results": {name: [values]}}}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runs", labels());
        Map<String, List<String>> diff = new LinkedHashMap<>();
        differences().forEach(r -> diff.put(r.name(), r.values()));
        root.put("differences", diff);
        Map<String, List<String>> results = new LinkedHashMap<>();
        results().forEach(r -> results.put(r.name(), r.values()));
        root.put("results", results);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as JSON", e);
        }
    }
}
