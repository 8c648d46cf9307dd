package io.atelier.engine.djl.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
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
 * inside the step when the text encoder is trained), the mean squared error against the noise, backward, AdamW on the
 * LoRA weights only.
 *
 * <p>Timesteps and noise come from the caller's {@link Random}, so a seeded run repeats exactly. Every array a step
 * creates lives in the manager of the latents passed in: give each step a sub-manager and close it after.
 */
public final class LoraTrainer {

    private final Sd15Unet unet;
    private final ClipTextEncoder textEncoder;
    private final LoraNetwork network;
    private final TrainingSettings settings;
    private final NoiseSchedule schedule;
    private final Optimizer unetOptimizer;
    private final Optimizer textOptimizer;
    private final Map<String, NDArray> unetParameters;
    private final Map<String, NDArray> textParameters;

    public LoraTrainer(Sd15Unet unet, ClipTextEncoder textEncoder, LoraNetwork network, TrainingSettings settings,
            NoiseSchedule schedule) {
        this.unet = unet;
        this.textEncoder = textEncoder;
        this.network = network;
        this.settings = settings;
        this.schedule = schedule;
        this.unetOptimizer = adamW(settings.unetLearningRate(), settings);
        this.textOptimizer = adamW(settings.textLearningRate(), settings);
        this.unetParameters = network.parameters(network.unetModules());
        this.textParameters = network.parameters(network.textModules());
        if (!network.textModules().isEmpty() && textEncoder == null) {
            throw new IllegalArgumentException("the network has text-encoder modules but no text encoder was given");
        }
    }

    private static Optimizer adamW(float learningRate, TrainingSettings settings) {
        var builder = Optimizer.adamW()
                .optLearningRateTracker(Tracker.fixed(learningRate))
                .optBeta1(0.9f)
                .optBeta2(0.999f)
                .optEpsilon(1e-8f)
                .optWeightDecays(settings.weightDecay());
        if (settings.maxGradNorm() > 0) {
            builder.optClipGrad(settings.maxGradNorm());
        }
        return builder.build();
    }

    /**
     * A step on a batch whose text is given as token ids: the text encoder runs inside the step (its LoRA modules,
     * if any, are trained).
     *
     * @param latents  scaled latents {@code [B, 4, h, w]}; the step's arrays go into their manager
     * @param tokenIds {@code [B, 77]}
     * @return the batch's loss before the update
     */
    public float stepOnTokens(NDArray latents, NDArray tokenIds, Random random) {
        if (textEncoder == null) {
            throw new IllegalStateException("no text encoder: train on cached text embeddings with stepOnContext");
        }
        return step(latents, null, tokenIds, random);
    }

    /** A step on cached text-encoder hidden states {@code [B, 77, contextDim]} (U-Net-only training). */
    public float stepOnContext(NDArray latents, NDArray context, Random random) {
        if (!network.textModules().isEmpty()) {
            throw new IllegalStateException("the network trains the text encoder; give token ids, not cached "
                    + "embeddings");
        }
        return step(latents, context, null, random);
    }

    private float step(NDArray latents, NDArray context, NDArray tokenIds, Random random) {
        NDManager m = latents.getManager();
        Shape shape = latents.getShape();
        int batch = Math.toIntExact(shape.get(0));
        long perSample = shape.size() / batch;
        float[] signal = new float[batch];
        float[] noiseWeight = new float[batch];
        float[] timesteps = new float[batch];
        for (int i = 0; i < batch; i++) {
            int t = random.nextInt(schedule.timesteps());
            timesteps[i] = t;
            signal[i] = (float) schedule.signalScale(t);
            noiseWeight[i] = (float) schedule.noiseScale(t);
        }
        float[] noiseValues = new float[Math.toIntExact(batch * perSample)];
        for (int i = 0; i < noiseValues.length; i++) {
            noiseValues[i] = (float) random.nextGaussian();
        }
        NDArray noise = m.create(noiseValues, shape);
        NDArray noisy = latents.mul(m.create(signal).reshape(batch, 1, 1, 1))
                .add(noise.mul(m.create(noiseWeight).reshape(batch, 1, 1, 1)));
        NDArray t = m.create(timesteps);
        network.setTraining(true);
        float loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray c = context != null ? context : textEncoder.encode(tokenIds, settings.clipSkip());
            NDArray prediction = unet.forward(noisy, t, c);
            NDArray mse = prediction.sub(noise).square().mean();
            collector.backward(mse);
            loss = mse.getFloat();
        } finally {
            network.setTraining(false);
        }
        update(unetOptimizer, unetParameters);
        update(textOptimizer, textParameters);
        return loss;
    }

    /**
     * AdamW on each weight, then its gradient zeroed by hand: PyTorch accumulates gradients, and DJL's
     * {@code GradientCollector.zeroGradients()} walks every array of the engine and leaves two gradient handles per
     * weight in the weights' manager on every call.
     */
    private static void update(Optimizer optimizer, Map<String, NDArray> parameters) {
        for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            NDArray weight = p.getValue();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(p.getKey(), weight, gradient);
                gradient.subi(gradient);
            }
        }
    }

    public List<LoraModule> modules() {
        return network.modules();
    }
}
