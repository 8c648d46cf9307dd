package io.atelier.core.diffusion;

/**
 * The timesteps of a DDIM sampling run and the ᾱ of each step and of the one after it, as diffusers'
 * {@code DDIMScheduler} computes them for SD 1.5 ({@code set_alpha_to_one = false}: the step after the last uses
 * ᾱ₀, not 1). The engine combines them with η = 0 (or its own η) into the DDIM update.
 */
public final class DdimTimetable {

    private final NoiseSchedule schedule;
    private final int[] timesteps;
    private final int stride;

    private DdimTimetable(NoiseSchedule schedule, int[] timesteps, int stride) {
        this.schedule = schedule;
        this.timesteps = timesteps;
        this.stride = stride;
    }

    /** SD 1.5's configuration: "leading" spacing with {@code steps_offset = 1}; 20 steps → 951, 901, …, 1. */
    public static DdimTimetable sd15(NoiseSchedule schedule, int steps) {
        return of(schedule, steps, TimestepSpacing.LEADING, TimestepSpacing.SD15_STEPS_OFFSET);
    }

    public static DdimTimetable of(NoiseSchedule schedule, int steps, TimestepSpacing spacing, int stepsOffset) {
        int[] t = spacing.integerTimesteps(schedule.timesteps(), steps, stepsOffset);
        return new DdimTimetable(schedule, t, schedule.timesteps() / steps);
    }

    public int steps() {
        return timesteps.length;
    }

    /** The timesteps, descending. */
    public int[] timesteps() {
        return timesteps.clone();
    }

    public int timestep(int step) {
        return timesteps[step];
    }

    /** ᾱ at the step's timestep. */
    public double alphaCumprod(int step) {
        return schedule.alphaCumprod(timesteps[step]);
    }

    /** ᾱ at {@code t − T/n}, the timestep the step moves to; ᾱ₀ once that falls below 0. */
    public double alphaCumprodPrev(int step) {
        int prev = timesteps[step] - stride;
        return prev >= 0 ? schedule.alphaCumprod(prev) : schedule.alphaCumprod(0);
    }
}
