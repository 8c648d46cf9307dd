package io.atelier.engine.djl.sampling;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.atelier.core.diffusion.NoiseSchedule;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplerKind;
import io.atelier.engine.djl.lora.AppliedLora;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.model.Sd15Part;
import io.atelier.engine.djl.tokenizer.ClipTokenizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A checkpoint loaded for sampling, with at most one LoRA applied at a time: the epoch gallery generates with each
 * epoch's file in turn without loading the checkpoint again. Not thread-safe; close it to free the weights.
 */
public final class SampleSession implements AutoCloseable {

    private final NDManager root;
    private final Sd15Checkpoint model;
    private final ClipTokenizer tokenizer;
    private AppliedLora lora;

    private SampleSession(NDManager root, Sd15Checkpoint model, ClipTokenizer tokenizer) {
        this.root = root;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /**
     * Loads the U-Net, text encoder and VAE decoder of an SD 1.5 checkpoint on the engine's device.
     *
     * @throws io.atelier.engine.djl.checkpoint.CheckpointException naming the file and the problem
     */
    public static SampleSession open(Engine engine, Device device, Path checkpoint, Sd15Heads heads,
            ClipTokenizer tokenizer) throws IOException {
        NDManager root = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            Sd15Checkpoint model = Sd15Checkpoint.load(checkpoint, root, heads,
                    EnumSet.of(Sd15Part.UNET, Sd15Part.TEXT_ENCODER, Sd15Part.VAE_DECODER));
            return new SampleSession(root, model, tokenizer);
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /**
     * Applies a kohya LoRA file at {@code strength}, replacing the one applied before; null removes it.
     *
     * @throws io.atelier.engine.djl.checkpoint.CheckpointException when the file cannot be applied (the model then
     *                                                              has no LoRA)
     */
    public void useLora(Path file, float strength) throws IOException {
        if (lora != null) {
            lora.close();
            lora = null;
        }
        if (file != null) {
            lora = AppliedLora.apply(file, model.unet(), model.textEncoder(), strength, root);
        }
    }

    public BufferedImage sample(SamplePrompt prompt, SamplerKind kind, int clipSkip, BooleanSupplier cancelled,
            IntConsumer progress) {
        Sd15Sampler sampler = new Sd15Sampler(model.unet(), model.textEncoder(), model.vaeDecoder(), tokenizer,
                NoiseSchedule.sd15(), clipSkip);
        return sampler.sample(prompt, kind, root, cancelled, progress);
    }

    public Path checkpoint() {
        return model.file();
    }

    @Override
    public void close() {
        if (lora != null) {
            lora.close();
        }
        model.close();
        root.close();
    }
}
