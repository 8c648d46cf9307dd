package io.atelier.store;

/**
 * One stored value of a run's metric series.
 *
 * @param seq grows with every write of the store's metrics, so a reader asks for what came after the last it saw
 */
public record MetricPoint(long seq, String name, long step, int epoch, double value) {
}
