package io.atelier.core.diffusion;

import java.util.Arrays;
import java.util.Locale;

/**
 * The learning-rate schedules of {@code Params.LR_SCHEDULER}, defined exactly as {@code transformers}/
 * {@code diffusers} {@code get_scheduler} define them: a multiplier λ(step) of each parameter group's initial rate,
 * with a linear warm-up {@code step / max(1, warmup)} first. Step 0 is the first optimizer step.
 *
 * <ul>
 *   <li>{@code constant}: 1 (no warm-up, as there).</li>
 *   <li>{@code constant_with_warmup}: warm-up, then 1.</li>
 *   <li>{@code linear}: warm-up, then {@code max(0, (total − step)/max(1, total − warmup))}.</li>
 *   <li>{@code cosine}: warm-up, then {@code max(0, ½(1 + cos(π · 2 · 0.5 · p)))}, p the progress after warm-up.</li>
 *   <li>{@code cosine_with_restarts}: warm-up, then {@code max(0, ½(1 + cos(π · ((cycles · p) mod 1))))}, 0 once
 *       p ≥ 1: {@code cycles} hard restarts.</li>
 *   <li>{@code polynomial}: warm-up, then {@code ((lr₀ − lr_end)(1 − p)^power + lr_end)/lr₀} with power 1.0 and
 *       lr_end 1e-7; {@code lr_end/lr₀} after the last step. lr₀ is the optimizer's default rate.</li>
 * </ul>
 */
public final class LrSchedule {

    public static final double POLYNOMIAL_LR_END = 1e-7;
    public static final double POLYNOMIAL_POWER = 1.0;

    /** The names of {@code Params.LR_SCHEDULER}. */
    public enum Kind {
        COSINE_WITH_RESTARTS, COSINE, CONSTANT, CONSTANT_WITH_WARMUP, LINEAR, POLYNOMIAL;

        /** The parameter value, e.g. {@code cosine_with_restarts}. */
        public String parameterName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String parameterName) {
            for (Kind k : values()) {
                if (k.parameterName().equals(parameterName)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown lr_scheduler '" + parameterName + "' (expected one of "
                    + Arrays.stream(values()).map(Kind::parameterName).toList() + ")");
        }
    }

    private final Kind kind;
    private final int totalSteps;
    private final int warmupSteps;
    private final int cycles;
    private final double initialLr;

    /**
     * @param kind        the schedule
     * @param totalSteps  optimizer steps of the whole run ({@code num_training_steps})
     * @param warmupSteps {@code lr_warmup_steps}
     * @param cycles      {@code lr_scheduler_num_cycles}; only cosine_with_restarts uses it
     * @param initialLr   the optimizer's default rate (sd-scripts: {@code learning_rate}); only polynomial uses it
     */
    public LrSchedule(Kind kind, int totalSteps, int warmupSteps, int cycles, double initialLr) {
        if (totalSteps < 0 || warmupSteps < 0 || cycles < 1) {
            throw new IllegalArgumentException("need totalSteps >= 0, warmupSteps >= 0, cycles >= 1, got "
                    + totalSteps + ", " + warmupSteps + ", " + cycles);
        }
        if (kind == Kind.POLYNOMIAL && !(initialLr > POLYNOMIAL_LR_END)) {
            // transformers refuses this too: the decay would run upwards
            throw new IllegalArgumentException("polynomial decay needs a learning rate above " + POLYNOMIAL_LR_END
                    + ", got " + initialLr);
        }
        this.kind = kind;
        this.totalSteps = totalSteps;
        this.warmupSteps = warmupSteps;
        this.cycles = cycles;
        this.initialLr = initialLr;
    }

    public Kind kind() {
        return kind;
    }

    /** The rate of a parameter group whose initial rate is {@code groupLr}, at {@code step}. */
    public double lr(int step, double groupLr) {
        return groupLr * multiplier(step);
    }

    /** λ(step). */
    public double multiplier(int step) {
        if (kind == Kind.CONSTANT) {
            return 1;
        }
        if (step < warmupSteps) {
            return (double) step / Math.max(1, warmupSteps);
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        return switch (kind) {
            case CONSTANT_WITH_WARMUP -> 1;
            case LINEAR -> Math.max(0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
            case COSINE -> Math.max(0, 0.5 * (1 + Math.cos(Math.PI * 0.5 * 2 * progress)));
            case COSINE_WITH_RESTARTS -> progress >= 1 ? 0
                    : Math.max(0, 0.5 * (1 + Math.cos(Math.PI * ((cycles * progress) % 1.0))));
            case POLYNOMIAL -> polynomial(step);
            case CONSTANT -> 1;
        };
    }

    private double polynomial(int step) {
        int decaySteps = totalSteps - warmupSteps;
        if (step > totalSteps || decaySteps == 0) {
            return POLYNOMIAL_LR_END / initialLr;
        }
        double range = initialLr - POLYNOMIAL_LR_END;
        double remaining = 1 - (double) (step - warmupSteps) / decaySteps;
        return (range * Math.pow(remaining, POLYNOMIAL_POWER) + POLYNOMIAL_LR_END) / initialLr;
    }
}
