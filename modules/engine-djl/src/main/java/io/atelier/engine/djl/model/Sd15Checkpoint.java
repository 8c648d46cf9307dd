package io.atelier.engine.djl.model;

import ai.djl.ndarray.NDManager;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.basemodel.CheckpointFamilyDetector;
import io.atelier.core.basemodel.FamilyDetection;
import io.atelier.core.basemodel.UnsupportedModelFileException;
import io.atelier.engine.djl.checkpoint.CheckpointException;
import io.atelier.engine.djl.checkpoint.CheckpointTensors;
import io.atelier.engine.djl.checkpoint.Weights;
import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.model.unet.Sd15Unet;
import io.atelier.engine.djl.model.vae.VaeDecoder;
import io.atelier.engine.djl.model.vae.VaeEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An SD 1.5 single-file checkpoint loaded onto DJL: the U-Net, the text encoder and the VAE, F32, in their own
 * manager (closing this frees them).
 *
 * <p>The family is checked first with core's {@link CheckpointFamilyDetector}: an SDXL-family or SD 2.x checkpoint is
 * refused with a message naming the family. Every weight is loaded by its LDM name with a shape check; all missing
 * keys are reported together.
 */
public final class Sd15Checkpoint implements AutoCloseable {

    /** How many missing keys a message lists before it only counts the rest. */
    private static final int LISTED_MISSING = 12;

    private final Path file;
    private final NDManager manager;
    private final Sd15Unet unet;
    private final ClipTextEncoder textEncoder;
    private final VaeEncoder vaeEncoder;
    private final VaeDecoder vaeDecoder;

    private Sd15Checkpoint(Path file, NDManager manager, Sd15Unet unet, ClipTextEncoder textEncoder,
            VaeEncoder vaeEncoder, VaeDecoder vaeDecoder) {
        this.file = file;
        this.manager = manager;
        this.unet = unet;
        this.textEncoder = textEncoder;
        this.vaeEncoder = vaeEncoder;
        this.vaeDecoder = vaeDecoder;
    }

    /** Loads every part with SD 1.5's head counts. */
    public static Sd15Checkpoint load(Path file, NDManager parent) throws IOException {
        return load(file, parent, Sd15Heads.SD15, EnumSet.allOf(Sd15Part.class));
    }

    /**
     * Loads {@code parts} of the checkpoint into a new sub-manager of {@code parent}.
     *
     * @throws CheckpointException when the file is not an SD 1.5 checkpoint (the family is named), a weight has the
     *                             wrong shape, or weights are missing (they are listed)
     */
    public static Sd15Checkpoint load(Path file, NDManager parent, Sd15Heads heads, Set<Sd15Part> parts)
            throws IOException {
        try (CheckpointTensors tensors = CheckpointTensors.open(file)) {
            requireSd15(tensors);
            NDManager manager = parent.newSubManager();
            try {
                Weights weights = new Weights(tensors, manager);
                Sd15Unet unet = parts.contains(Sd15Part.UNET) ? Sd15Unet.load(weights, heads.unet()) : null;
                ClipTextEncoder te = parts.contains(Sd15Part.TEXT_ENCODER)
                        ? ClipTextEncoder.load(weights, heads.text()) : null;
                VaeEncoder encoder = parts.contains(Sd15Part.VAE_ENCODER) ? VaeEncoder.load(weights) : null;
                VaeDecoder decoder = parts.contains(Sd15Part.VAE_DECODER) ? VaeDecoder.load(weights) : null;
                List<String> missing = weights.missing();
                if (!missing.isEmpty()) {
                    throw new CheckpointException(file, "is missing " + missing.size() + " weight"
                            + (missing.size() == 1 ? "" : "s") + " of an SD 1.5 checkpoint: " + listed(missing));
                }
                return new Sd15Checkpoint(file, manager, unet, te, encoder, decoder);
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw e;
            }
        }
    }

    private static void requireSd15(CheckpointTensors tensors) throws CheckpointException {
        FamilyDetection detection;
        try {
            detection = CheckpointFamilyDetector.detect(tensors.header());
        } catch (UnsupportedModelFileException e) {
            // SD 2.x, the refiner, LoRAs and other files: core's message names what the file is
            throw new CheckpointException(tensors.file(), "cannot be trained by the built-in engine, which supports "
                    + "SD 1.5 checkpoints only: " + e.getMessage(), e);
        }
        BaseModelFamily family = detection.family();
        if (family != BaseModelFamily.SD15) {
            throw new CheckpointException(tensors.file(), "is an " + family.displayName() + " checkpoint ("
                    + detection.reason() + ") The built-in engine trains SD 1.5 checkpoints only; train "
                    + family.displayName() + " LoRAs with the sd-scripts engine.");
        }
    }

    private static String listed(List<String> keys) {
        String shown = String.join(", ", keys.subList(0, Math.min(LISTED_MISSING, keys.size())));
        return keys.size() > LISTED_MISSING ? shown + " and " + (keys.size() - LISTED_MISSING) + " more" : shown;
    }

    public Path file() {
        return file;
    }

    public Sd15Unet unet() {
        return require(unet, Sd15Part.UNET);
    }

    public ClipTextEncoder textEncoder() {
        return require(textEncoder, Sd15Part.TEXT_ENCODER);
    }

    public VaeEncoder vaeEncoder() {
        return require(vaeEncoder, Sd15Part.VAE_ENCODER);
    }

    public VaeDecoder vaeDecoder() {
        return require(vaeDecoder, Sd15Part.VAE_DECODER);
    }

    private <T> T require(T part, Sd15Part which) {
        if (part == null) {
            throw new IllegalStateException(which + " of " + file + " was not loaded");
        }
        return part;
    }

    /** The manager holding the weights (and, once attached, the LoRA's). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
