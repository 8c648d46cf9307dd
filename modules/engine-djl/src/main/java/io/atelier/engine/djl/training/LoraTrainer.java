package io.atelier.engine.djl.training;

import io.atelier.engine.djl.nn.OwnedArrays;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.atelier.core.diffusion.NoiseSchedule;
import io.atelier.engine.djl.lora.LoraModule;
import io.atelier.engine.djl.lora.LoraNetwork;
import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.model.unet.Sd15Unet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One LoRA training step as sd-scripts' {@code train_network.py} takes it for SD 1.5: a random timestep per sample
 * and Gaussian noise, the noised latents, the U-Net's epsilon prediction on the text encoder's hidden states (computed
 * inside the step when the text encoder is trained), the mean squared error against the noise (per sample, weighted by
 * min-SNR-γ when set), backward, AdamW on the LoRA weights only. A step can be split into {@link #accumulate} calls
 * (gradient accumulation) and one {@link #apply} with the scheduled rates.
 *
 * <p>Timesteps and noise come from the caller's {@link Random}, so a seeded run repeats exactly. Every array a step
 * creates lives in the manager of the latents passed in: give each step a sub-manager and close it after.
 */
public final class LoraTrainer implements AutoCloseable {

    private final Sd15Unet unet;
    private final ClipTextEncoder textEncoder;
    private final LoraNetwork network;
    private final TrainingSettings settings;
    private final NoiseSchedule schedule;
    private final AdamW optimizer;
    private final Map<String, NDArray> unetParameters;
    private final Map<String, NDArray> textParameters;

    public LoraTrainer(Sd15Unet unet, ClipTextEncoder textEncoder, LoraNetwork network, TrainingSettings settings,
            NoiseSchedule schedule) {
        if (!network.textModules().isEmpty() && textEncoder == null) {
            throw new IllegalArgumentException("the network has text-encoder modules but no text encoder was given");
        }
        this.unet = unet;
        this.textEncoder = textEncoder;
        this.network = network;
        this.settings = settings;
        this.schedule = schedule;
        this.unetParameters = network.parameters(network.unetModules());
        this.textParameters = network.parameters(network.textModules());
        NDManager weights = network.modules().get(0).down().getManager();
        this.optimizer = new AdamW(weights, 0.9f, 0.999f, 1e-8f, settings.weightDecay(), settings.maxGradNorm());
    }

    /**
     * A step on a batch whose text is given as token ids: the text encoder runs inside the step (its LoRA modules,
     * if any, are trained), at the settings' fixed rates.
     *
     * @param latents  scaled latents {@code [B, 4, h, w]}; the step's arrays go into their manager
     * @param tokenIds {@code [B, 77]}
     * @return the batch's loss before the update
     */
    public float stepOnTokens(NDArray latents, NDArray tokenIds, Random random) {
        float loss = accumulate(latents, null, tokenIds, random, 1);
        apply(settings.unetLearningRate(), settings.textLearningRate());
        return loss;
    }

    /** A step on cached text-encoder hidden states {@code [B, 77, contextDim]} (U-Net-only training). */
    public float stepOnContext(NDArray latents, NDArray context, Random random) {
        float loss = accumulate(latents, context, null, random, 1);
        apply(settings.unetLearningRate(), settings.textLearningRate());
        return loss;
    }

    /**
     * Forward and backward of one batch, adding {@code lossScale} × its gradients to the weights' gradients (accelerate
     * divides the loss by the accumulation steps the same way); no update.
     *
     * @param context  cached hidden states, or null to encode {@code tokenIds} inside the step
     * @return the batch's loss (unscaled)
     */
    public float accumulate(NDArray latents, NDArray context, NDArray tokenIds, Random random, float lossScale) {
        if (context == null && textEncoder == null) {
            throw new IllegalStateException("no text encoder: train on cached text embeddings");
        }
        if (context != null && !network.textModules().isEmpty()) {
            throw new IllegalStateException("the network trains the text encoder; give token ids, not cached "
                    + "embeddings");
        }
        NDManager m = latents.getManager();
        Shape shape = latents.getShape();
        int batch = Math.toIntExact(shape.get(0));
        long perSample = shape.size() / batch;
        float[] signal = new float[batch];
        float[] noiseWeight = new float[batch];
        float[] timesteps = new float[batch];
        float[] snrWeights = new float[batch];
        for (int i = 0; i < batch; i++) {
            int t = random.nextInt(schedule.timesteps());
            timesteps[i] = t;
            signal[i] = (float) schedule.signalScale(t);
            noiseWeight[i] = (float) schedule.noiseScale(t);
            snrWeights[i] = (float) schedule.minSnrWeight(t, settings.minSnrGamma());
        }
        float[] noiseValues = new float[Math.toIntExact(batch * perSample)];
        for (int i = 0; i < noiseValues.length; i++) {
            noiseValues[i] = (float) random.nextGaussian();
        }
        NDArray noise = OwnedArrays.of(m, noiseValues, shape);
        if (settings.noiseOffset() > 0) {
            // sd-scripts' apply_noise_offset: one extra value per sample and channel, spread over the image
            long channels = shape.get(1);
            float[] offset = new float[Math.toIntExact(batch * channels)];
            for (int i = 0; i < offset.length; i++) {
                offset[i] = (float) random.nextGaussian() * settings.noiseOffset();
            }
            noise = noise.add(OwnedArrays.of(m, offset, new Shape(batch, channels, 1, 1)));
        }
        NDArray noisy = noised(latents, noise, signal, noiseWeight);
        NDArray t = OwnedArrays.of(m, timesteps, new Shape(batch));
        network.setTraining(true);
        float loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray c = context != null ? context : textEncoder.encode(tokenIds, settings.clipSkip());
            NDArray prediction = unet.forward(noisy, t, c);
            NDArray perSampleLoss = prediction.sub(noise).square().reshape(batch, -1).mean(new int[]{1});
            NDArray mse = perSampleLoss.mul(OwnedArrays.of(m, snrWeights, new Shape(batch))).mean();
            collector.backward(lossScale == 1 ? mse : OwnedArrays.times(mse, lossScale));
            loss = mse.getFloat();
        } finally {
            network.setTraining(false);
        }
        return loss;
    }

    /** {@code √ᾱ·x₀ + √(1−ᾱ)·ε} per sample. */
    private static NDArray noised(NDArray latents, NDArray noise, float[] signal, float[] noiseWeight) {
        NDManager m = latents.getManager();
        Shape perSample = new Shape(signal.length, 1, 1, 1);
        return latents.mul(OwnedArrays.of(m, signal, perSample))
                .add(noise.mul(OwnedArrays.of(m, noiseWeight, perSample)));
    }

    /**
     * The validation loss of one image: the plain mean squared error of the noise prediction (no min-SNR weight, no
     * noise offset, no dropout) at each of {@code timesteps} with noise drawn from {@code noise}, averaged. Given the
     * same generator state every time, it measures the same thing every epoch, so only the LoRA changes it.
     *
     * @param latents  {@code [1, 4, h, w]}; the arrays go into its manager
     * @param context  cached hidden states, or null to encode {@code tokenIds} (with the text encoder's LoRA)
     */
    public double validationLoss(NDArray latents, NDArray context, NDArray tokenIds, int[] timesteps, Random noise) {
        return NoGrad.get(() -> {
            NDManager m = latents.getManager();
            NDArray c = context != null ? context : textEncoder.encode(tokenIds, settings.clipSkip());
            double sum = 0;
            for (int t : timesteps) {
                float[] values = new float[Math.toIntExact(latents.getShape().size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) noise.nextGaussian();
                }
                NDArray eps = OwnedArrays.of(m, values, latents.getShape());
                NDArray noisy = noised(latents, eps, new float[]{(float) schedule.signalScale(t)},
                        new float[]{(float) schedule.noiseScale(t)});
                NDArray prediction = unet.forward(noisy, OwnedArrays.of(m, new float[]{t}, new Shape(1)), c);
                sum += prediction.sub(eps).square().mean().getFloat();
            }
            return sum / timesteps.length;
        });
    }

    /** AdamW on the accumulated gradients at these rates, then the gradients are zeroed. */
    public void apply(double unetLr, double textLr) {
        optimizer.step(textParameters.isEmpty()
                ? List.of(new AdamW.Group(unetParameters, unetLr))
                : List.of(new AdamW.Group(textParameters, textLr), new AdamW.Group(unetParameters, unetLr)));
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public List<LoraModule> modules() {
        return network.modules();
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
