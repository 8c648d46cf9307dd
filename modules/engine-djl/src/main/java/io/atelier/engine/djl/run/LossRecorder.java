package io.atelier.engine.djl.run;

import java.util.ArrayList;
import java.util.List;

/**
 * sd-scripts' {@code LossRecorder}: in the first epoch the running mean of every step's loss; from the second on, the
 * loss of step i of the epoch replaces that of step i of the previous one, so the mean is over one epoch's window.
 * Its values are part of a saved state, so a resumed run continues the same series.
 */
final class LossRecorder {

    private final List<Double> losses;

    LossRecorder(List<Double> saved) {
        this.losses = new ArrayList<>(saved);
    }

    /** @param epoch 1-based; {@code stepInEpoch} 0-based */
    void add(int epoch, int stepInEpoch, double loss) {
        if (epoch == 1 || stepInEpoch >= losses.size()) {
            losses.add(loss);
        } else {
            losses.set(stepInEpoch, loss);
        }
    }

    double movingAverage() {
        // summed afresh each time (one epoch of values), so a resumed run gives bit-identical averages
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return losses.isEmpty() ? 0 : sum / losses.size();
    }

    List<Double> values() {
        return List.copyOf(losses);
    }
}
