package io.atelier.trainingrun.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * A run's chart as CSV, one row per step: {@code step,epoch}, every step metric by name, the smoothed loss (its weight
 * in the header), then the per-epoch metrics on the row of their epoch's last step. Empty cells where a series has no
 * value; numbers in full precision with a dot.
 */
public final class ChartCsv {

    private ChartCsv() {
    }

    public static String write(ChartSnapshot chart) {
        List<String> names = new ArrayList<>(chart.steps().keySet());
        List<String> epochNames = new ArrayList<>(chart.perEpoch().keySet());
        StringBuilder out = new StringBuilder("step,epoch");
        names.forEach(n -> out.append(',').append(quote(n)));
        out.append(',').append(quote(String.format(Locale.ROOT, "loss (smoothed %.3f)", chart.smoothing())));
        epochNames.forEach(n -> out.append(',').append(quote(n)));
        out.append('\n');
        TreeSet<Long> steps = new TreeSet<>();
        chart.steps().values().forEach(v -> steps.addAll(v.keySet()));
        for (long step : steps) {
            int epoch = chart.epochOf(step);
            out.append(step).append(',').append(epoch < 0 ? "" : Integer.toString(epoch));
            for (String n : names) {
                cell(out, chart.steps().get(n).get(step));
            }
            cell(out, chart.smoothed().get(step));
            for (String n : epochNames) {
                NavigableMap<Integer, Double> values = chart.perEpoch().get(n);
                boolean lastOfEpoch = epoch >= 0 && Long.valueOf(step).equals(chart.epochEnds().get(epoch));
                cell(out, lastOfEpoch ? values.get(epoch) : null);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, Double value) {
        out.append(',');
        if (value != null) {
            out.append(value);
        }
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
