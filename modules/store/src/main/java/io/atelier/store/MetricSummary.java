package io.atelier.store;

/** One metric series of a run in a line: how many values, the last one, the smallest. */
public record MetricSummary(String name, long count, long firstStep, long lastStep, double lastValue,
                            double minValue) {
}
