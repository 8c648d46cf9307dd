package io.atelier.trainingrun.chart;

import java.util.Arrays;

/**
 * TensorBoard's smoothing: an exponential moving average started at 0 and divided by {@code 1 - w^n} (n = finite values
 * so far), so the first values are not pulled towards 0. Non-finite values pass through and do not count. Keeps the
 * accumulator after every index, so a value replaced near the end is recomputed from there, not from the start.
 */
public final class Ema {

    private double weight;
    private double[] accumulated = new double[1024];
    private int[] counted = new int[1024];
    private int size;

    public Ema(double weight) {
        setWeight(weight);
    }

    public double weight() {
        return weight;
    }

    /** 0 = no smoothing, up to 0.999; drops the state, so the caller recomputes from index 0. */
    public void setWeight(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing must be at least 0 and below 1, not " + weight);
        }
        this.weight = weight;
        size = 0;
    }

    /** Forgets the values from {@code index} on; the next {@link #next} is the value at {@code index}. */
    public void truncate(int index) {
        size = Math.min(size, Math.max(0, index));
    }

    public int size() {
        return size;
    }

    /** The smoothed value for the next raw value, remembered for later truncation. */
    public double next(double value) {
        double last = size == 0 ? 0 : accumulated[size - 1];
        int count = size == 0 ? 0 : counted[size - 1];
        double smoothed;
        if (Double.isFinite(value)) {
            last = last * weight + (1 - weight) * value;
            count++;
            smoothed = last / (weight == 1 ? 1 : 1 - Math.pow(weight, count));
        } else {
            smoothed = value;
        }
        if (size == accumulated.length) {
            accumulated = Arrays.copyOf(accumulated, size * 2);
            counted = Arrays.copyOf(counted, size * 2);
        }
        accumulated[size] = last;
        counted[size] = count;
        size++;
        return smoothed;
    }

    /** The whole series smoothed at once. */
    public static double[] smooth(double[] values, double weight) {
        Ema ema = new Ema(weight);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ema.next(values[i]);
        }
        return out;
    }
}
