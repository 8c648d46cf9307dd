package io.atelier.core.diffusion;

/**
 * The noise levels of an Euler or Euler-ancestral sampling run, as diffusers' {@code EulerDiscreteScheduler} and
 * {@code EulerAncestralDiscreteScheduler} compute them: σ(t) = √((1 − ᾱ)/ᾱ) linearly interpolated at the (possibly
 * fractional) timesteps, then a final 0. The model is called with {@code x / √(σ² + 1)} and the timestep.
 */
public final class EulerTimetable {

    private final double[] timesteps;
    private final double[] sigmas; // one more than timesteps: the trailing 0
    private final TimestepSpacing spacing;

    private EulerTimetable(double[] timesteps, double[] sigmas, TimestepSpacing spacing) {
        this.timesteps = timesteps;
        this.sigmas = sigmas;
        this.spacing = spacing;
    }

    /** SD 1.5's configuration: "leading" spacing, {@code steps_offset = 1}. */
    public static EulerTimetable sd15(NoiseSchedule schedule, int steps) {
        return of(schedule, steps, TimestepSpacing.LEADING, TimestepSpacing.SD15_STEPS_OFFSET);
    }

    public static EulerTimetable of(NoiseSchedule schedule, int steps, TimestepSpacing spacing, int stepsOffset) {
        double[] t = spacing.timesteps(schedule.timesteps(), steps, stepsOffset);
        double[] sigmas = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            sigmas[i] = interpolate(schedule, t[i]);
        }
        sigmas[steps] = 0;
        return new EulerTimetable(t, sigmas, spacing);
    }

    public int steps() {
        return timesteps.length;
    }

    /** The timesteps given to the model, descending. */
    public double[] timesteps() {
        return timesteps.clone();
    }

    /** All noise levels, descending, ending with 0 ({@code steps + 1} values). */
    public double[] sigmas() {
        return sigmas.clone();
    }

    public double sigma(int step) {
        return sigmas[step];
    }

    /**
     * The scale of the initial noise: σ_max with "linspace"/"trailing" spacing, √(σ_max² + 1) with "leading", as
     * diffusers defines {@code init_noise_sigma}.
     */
    public double initNoiseSigma() {
        double max = sigmas[0];
        return spacing == TimestepSpacing.LEADING ? Math.sqrt(max * max + 1) : max;
    }

    /** The factor on the latent before the model call at this step: 1/√(σ² + 1). */
    public double inputScale(int step) {
        return 1 / Math.sqrt(sigmas[step] * sigmas[step] + 1);
    }

    /** Euler-ancestral's split of the step from σ_i to σ_{i+1} into a deterministic part and fresh noise. */
    public AncestralStep ancestral(int step) {
        double from = sigmas[step];
        double to = sigmas[step + 1];
        double up = Math.sqrt(to * to * (from * from - to * to) / (from * from));
        double down = Math.sqrt(to * to - up * up);
        return new AncestralStep(from, to, up, down);
    }

    /** np.interp over the integer training timesteps. */
    private static double interpolate(NoiseSchedule schedule, double t) {
        int last = schedule.timesteps() - 1;
        if (t <= 0) {
            return schedule.sigma(0);
        }
        if (t >= last) {
            return schedule.sigma(last);
        }
        int lo = (int) Math.floor(t);
        double f = t - lo;
        return f == 0 ? schedule.sigma(lo) : schedule.sigma(lo) * (1 - f) + schedule.sigma(lo + 1) * f;
    }

    /**
     * One Euler-ancestral step: move to {@code sigmaDown} with the model's derivative, then add fresh noise times
     * {@code sigmaUp}.
     */
    public record AncestralStep(double sigmaFrom, double sigmaTo, double sigmaUp, double sigmaDown) {
    }
}
