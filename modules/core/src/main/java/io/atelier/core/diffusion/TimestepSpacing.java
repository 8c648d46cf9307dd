package io.atelier.core.diffusion;

import java.util.Arrays;

/**
 * How diffusers picks the inference timesteps out of the training ones ({@code timestep_spacing}), descending.
 * SD 1.5's scheduler config has {@code steps_offset = 1} and, for DDIM and Euler as sd-scripts and the reference
 * pipelines configure them, "leading" spacing: 20 steps → 951, 901, …, 1.
 */
public enum TimestepSpacing {
    /** {@code arange(0, n) · (T // n)}, reversed, plus {@code steps_offset}. */
    LEADING,
    /** {@code linspace(0, T − 1, n)}, reversed; fractional for Euler (interpolated), rounded for DDIM. */
    LINSPACE,
    /** {@code round(arange(T, 0, −T/n)) − 1}. */
    TRAILING;

    /** SD 1.5's {@code steps_offset}. */
    public static final int SD15_STEPS_OFFSET = 1;

    /** The timesteps, descending, as diffusers computes them before any rounding a scheduler adds. */
    public double[] timesteps(int trainTimesteps, int steps, int stepsOffset) {
        if (steps < 1 || steps > trainTimesteps) {
            throw new IllegalArgumentException("steps must be 1.." + trainTimesteps + ", got " + steps);
        }
        double[] t = new double[steps];
        switch (this) {
            case LEADING -> {
                int ratio = trainTimesteps / steps;
                for (int i = 0; i < steps; i++) {
                    t[i] = (double) (steps - 1 - i) * ratio + stepsOffset;
                }
            }
            case LINSPACE -> {
                for (int i = 0; i < steps; i++) {
                    int k = steps - 1 - i;
                    t[i] = steps == 1 ? 0 : (double) (trainTimesteps - 1) * k / (steps - 1);
                }
            }
            case TRAILING -> {
                double ratio = (double) trainTimesteps / steps;
                for (int i = 0; i < steps; i++) {
                    // numpy rounds half to even
                    t[i] = Math.rint(trainTimesteps - i * ratio) - 1;
                }
            }
        }
        return t;
    }

    /** Integer timesteps, as DDIM uses them ({@code round} half to even, as numpy). */
    public int[] integerTimesteps(int trainTimesteps, int steps, int stepsOffset) {
        return Arrays.stream(timesteps(trainTimesteps, steps, stepsOffset)).mapToInt(v -> (int) Math.rint(v))
                .toArray();
    }
}
