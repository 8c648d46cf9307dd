package io.atelier.core.diffusion;

/**
 * The DDPM forward-noise schedule SD 1.5 was trained with: "scaled linear" betas
 * ({@code linspace(sqrt(0.00085), sqrt(0.012), 1000)²}), {@code ᾱ_t = Π(1 − β)}, and what training needs from them:
 * the noising coefficients {@code x_t = √ᾱ·x₀ + √(1−ᾱ)·ε}, the signal-to-noise ratio {@code ᾱ/(1−ᾱ)} and min-SNR-γ
 * loss weights. Computed in double; diffusers computes in float32, which agrees to about 1e-6 relative.
 */
public final class NoiseSchedule {

    public static final double SD15_BETA_START = 0.00085;
    public static final double SD15_BETA_END = 0.012;
    public static final int SD15_TRAIN_TIMESTEPS = 1000;

    private final double[] betas;
    private final double[] alphasCumprod;

    private NoiseSchedule(double[] betas) {
        this.betas = betas;
        this.alphasCumprod = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphasCumprod[t] = product;
        }
    }

    /** SD 1.5's schedule: scaled linear 0.00085 to 0.012 over 1000 steps. */
    public static NoiseSchedule sd15() {
        return scaledLinear(SD15_BETA_START, SD15_BETA_END, SD15_TRAIN_TIMESTEPS);
    }

    /** {@code β_t = (√start + t·(√end − √start)/(n − 1))²}. */
    public static NoiseSchedule scaledLinear(double betaStart, double betaEnd, int timesteps) {
        if (timesteps < 2 || !(betaStart > 0) || !(betaEnd < 1) || betaStart > betaEnd) {
            throw new IllegalArgumentException("need 0 < betaStart <= betaEnd < 1 and at least 2 timesteps, got "
                    + betaStart + ", " + betaEnd + ", " + timesteps);
        }
        double from = Math.sqrt(betaStart);
        double to = Math.sqrt(betaEnd);
        double[] betas = new double[timesteps];
        for (int t = 0; t < timesteps; t++) {
            double root = from + (to - from) * t / (timesteps - 1);
            betas[t] = root * root;
        }
        return new NoiseSchedule(betas);
    }

    public int timesteps() {
        return betas.length;
    }

    public double beta(int t) {
        return betas[t];
    }

    /** ᾱ_t: 0.99915 at t = 0, about 0.0047 at t = 999 for SD 1.5. */
    public double alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    public double[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    /** √ᾱ_t, the factor of the clean latent in {@code x_t}. */
    public double signalScale(int t) {
        return Math.sqrt(alphasCumprod[t]);
    }

    /** √(1 − ᾱ_t), the factor of the noise in {@code x_t}. */
    public double noiseScale(int t) {
        return Math.sqrt(1 - alphasCumprod[t]);
    }

    /** SNR_t = ᾱ_t / (1 − ᾱ_t). */
    public double snr(int t) {
        return alphasCumprod[t] / (1 - alphasCumprod[t]);
    }

    /**
     * The min-SNR-γ weight of the epsilon-prediction loss at t, {@code min(SNR_t, γ) / SNR_t}, as sd-scripts'
     * {@code apply_snr_weight}; γ ≤ 0 means off (weight 1).
     */
    public double minSnrWeight(int t, double gamma) {
        if (gamma <= 0) {
            return 1;
        }
        double snr = snr(t);
        return Math.min(snr, gamma) / snr;
    }

    /** {@link #minSnrWeight} for every timestep, for a tensor lookup. */
    public float[] minSnrWeights(double gamma) {
        float[] weights = new float[betas.length];
        for (int t = 0; t < weights.length; t++) {
            weights[t] = (float) minSnrWeight(t, gamma);
        }
        return weights;
    }

    /** The Karras-style σ_t = √((1 − ᾱ_t)/ᾱ_t) of every training timestep. */
    public double sigma(int t) {
        return Math.sqrt((1 - alphasCumprod[t]) / alphasCumprod[t]);
    }
}
