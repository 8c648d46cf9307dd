package io.atelier.gallery.compare;

/**
 * TensorBoard's smoothing, the same the Runs window's chart uses (training-run's {@code Ema}, which that module does
 * not export): an EMA started at 0 and divided by {@code 1 - w^n} (n = finite values so far), so the first values are
 * not pulled towards 0. Non-finite values pass through and do not count.
 */
final class Smoothing {

    private Smoothing() {
    }

    static double[] ema(double[] values, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing must be at least 0 and below 1, not " + weight);
        }
        double[] out = new double[values.length];
        double last = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isFinite(v)) {
                last = last * weight + (1 - weight) * v;
                count++;
                out[i] = last / (1 - Math.pow(weight, count));
            } else {
                out[i] = v;
            }
        }
        return out;
    }
}
