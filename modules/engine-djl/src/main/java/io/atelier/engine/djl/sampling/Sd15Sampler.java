package io.atelier.engine.djl.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.diffusion.DdimTimetable;
import io.atelier.core.diffusion.EulerTimetable;
import io.atelier.core.diffusion.NoiseSchedule;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplerKind;
import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.model.unet.Sd15Unet;
import io.atelier.engine.djl.model.vae.VaeDecoder;
import io.atelier.engine.djl.nn.OwnedArrays;
import io.atelier.engine.djl.tokenizer.ClipTokenizer;
import io.atelier.engine.djl.training.NoGrad;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Text to image with an SD 1.5 U-Net, text encoder and VAE decoder (and whatever LoRA is attached to them), as
 * diffusers' pipelines do it for epsilon prediction: the prompt and the negative prompt encoded (clip skip applied),
 * both run through the U-Net as one batch of two, combined by classifier-free guidance
 * {@code ε = ε_neg + cfg × (ε_pos − ε_neg)}, stepped by the chosen sampler, and the latents decoded by the VAE.
 *
 * <p>The starting noise and Euler-ancestral's fresh noise come from {@code java.util.Random(seed)}, so a seed gives the
 * same image on every run of this engine (not the same image as PyTorch's generator would).
 */
public final class Sd15Sampler {

    private final Sd15Unet unet;
    private final ClipTextEncoder textEncoder;
    private final VaeDecoder decoder;
    private final ClipTokenizer tokenizer;
    private final NoiseSchedule schedule;
    private final int clipSkip;

    public Sd15Sampler(Sd15Unet unet, ClipTextEncoder textEncoder, VaeDecoder decoder, ClipTokenizer tokenizer,
            NoiseSchedule schedule, int clipSkip) {
        this.unet = unet;
        this.textEncoder = textEncoder;
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.schedule = schedule;
        this.clipSkip = clipSkip;
    }

    /**
     * One image.
     *
     * @param arrays   every array of the run goes into a sub-manager of this one, closed before returning
     * @param progress told each finished step (1-based)
     * @throws IllegalArgumentException when the size does not fit the U-Net (naming the multiple it needs)
     * @throws CancellationException    when {@code cancelled} turns true between steps
     */
    public BufferedImage sample(SamplePrompt prompt, SamplerKind kind, NDManager arrays, BooleanSupplier cancelled,
            IntConsumer progress) {
        int multiple = 8 << unet.downsamplings();
        if (prompt.width() % multiple != 0 || prompt.height() % multiple != 0) {
            throw new IllegalArgumentException("sample size " + prompt.width() + "x" + prompt.height()
                    + ": the built-in sampler needs width and height in multiples of " + multiple);
        }
        return NoGrad.get(() -> {
            try (NDManager m = arrays.newSubManager()) {
                NDArray context = textEncoder.encode(tokens(m, prompt.negative(), prompt.prompt()), clipSkip);
                Random random = new Random(prompt.seed());
                Shape shape = new Shape(1, 4, prompt.height() / 8, prompt.width() / 8);
                NDArray noise = gaussian(m, shape, random);
                NDArray latents = switch (kind) {
                    case EULER, EULER_A -> euler(m, noise, context, prompt, kind == SamplerKind.EULER_A, random,
                            cancelled, progress);
                    case DDIM -> ddim(m, noise, context, prompt, cancelled, progress);
                };
                return toImage(decoder.decode(latents));
            }
        });
    }

    private NDArray euler(NDManager m, NDArray noise, NDArray context, SamplePrompt p, boolean ancestral,
            Random random, BooleanSupplier cancelled, IntConsumer progress) {
        EulerTimetable table = EulerTimetable.sd15(schedule, p.steps());
        double[] timesteps = table.timesteps();
        NDArray x = times(noise, table.initNoiseSigma());
        for (int i = 0; i < table.steps(); i++) {
            checkCancelled(cancelled);
            try (NDManager step = m.newSubManager()) {
                x.attach(step);
                NDArray eps = guided(step, times(x, table.inputScale(i)), timesteps[i], context, p.cfgScale());
                NDArray next;
                if (ancestral) {
                    EulerTimetable.AncestralStep a = table.ancestral(i);
                    next = x.add(times(eps, a.sigmaDown() - a.sigmaFrom()));
                    if (a.sigmaUp() > 0) {
                        next = next.add(times(gaussian(step, x.getShape(), random), a.sigmaUp()));
                    }
                } else {
                    // epsilon prediction: the derivative (x − denoised)/σ is ε itself
                    next = x.add(times(eps, table.sigma(i + 1) - table.sigma(i)));
                }
                next.attach(m);
                x = next;
            }
            progress.accept(i + 1);
        }
        return x;
    }

    /** DDIM with η = 0: predict x₀ from ε, then move to the previous timestep's noise level along the same ε. */
    private NDArray ddim(NDManager m, NDArray noise, NDArray context, SamplePrompt p, BooleanSupplier cancelled,
            IntConsumer progress) {
        DdimTimetable table = DdimTimetable.sd15(schedule, p.steps());
        NDArray x = noise;
        for (int i = 0; i < table.steps(); i++) {
            checkCancelled(cancelled);
            try (NDManager step = m.newSubManager()) {
                x.attach(step);
                NDArray eps = guided(step, x, table.timestep(i), context, p.cfgScale());
                double a = table.alphaCumprod(i);
                double prev = table.alphaCumprodPrev(i);
                NDArray x0 = times(x.sub(times(eps, Math.sqrt(1 - a))), 1 / Math.sqrt(a));
                NDArray next = times(x0, Math.sqrt(prev)).add(times(eps, Math.sqrt(1 - prev)));
                next.attach(m);
                x = next;
            }
            progress.accept(i + 1);
        }
        return x;
    }

    /** ε for the scaled input, the negative and the positive prompt in one batch, combined with the guidance scale. */
    private NDArray guided(NDManager m, NDArray input, double timestep, NDArray context, double cfg) {
        NDArray both = NDArrays.concat(new NDList(input, input));
        NDArray t = OwnedArrays.of(m, new float[]{(float) timestep, (float) timestep}, new Shape(2));
        NDArray eps = unet.forward(both, t, context);
        NDList halves = eps.split(2);
        NDArray negative = halves.get(0);
        return negative.add(times(halves.get(1).sub(negative), cfg));
    }

    private NDArray tokens(NDManager m, String negative, String positive) {
        long[] ids = new long[2 * ClipTokenizer.CONTEXT_LENGTH];
        int[] neg = tokenizer.encodeForSd(negative);
        int[] pos = tokenizer.encodeForSd(positive);
        for (int j = 0; j < ClipTokenizer.CONTEXT_LENGTH; j++) {
            ids[j] = neg[j];
            ids[ClipTokenizer.CONTEXT_LENGTH + j] = pos[j];
        }
        return OwnedArrays.of(m, ids, new Shape(2, ClipTokenizer.CONTEXT_LENGTH));
    }

    private static NDArray gaussian(NDManager m, Shape shape, Random random) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return OwnedArrays.of(m, v, shape);
    }

    private static NDArray times(NDArray x, double value) {
        return OwnedArrays.times(x, (float) value);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("sampling cancelled");
        }
    }

    /** {@code [1, 3, H, W]} in about [-1, 1] to 8-bit RGB, clamped, rounded as PIL does. */
    private static BufferedImage toImage(NDArray decoded) {
        Shape s = decoded.getShape();
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        float[] v = decoded.toFloatArray();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = w * h;
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (channel(v[i]) << 16) | (channel(v[plane + i]) << 8) | channel(v[2 * plane + i]);
        }
        image.setRGB(0, 0, w, h, rgb, 0, w);
        return image;
    }

    private static int channel(float value) {
        float unit = Math.max(0, Math.min(1, value / 2 + 0.5f));
        return Math.round(unit * 255);
    }
}
