package io.atelier.engine.djl.model;

import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.model.unet.Sd15Unet;

/**
 * Attention head counts, the one part of the architecture a checkpoint's shapes do not tell.
 *
 * @param unet heads of every U-Net transformer (SD 1.5: 8)
 * @param text heads of the text encoder's self-attention (CLIP ViT-L/14: 12)
 */
public record Sd15Heads(int unet, int text) {

    public static final Sd15Heads SD15 = new Sd15Heads(Sd15Unet.SD15_HEADS, ClipTextEncoder.VIT_L_HEADS);

    public Sd15Heads {
        if (unet < 1 || text < 1) {
            throw new IllegalArgumentException("head counts must be positive: " + unet + ", " + text);
        }
    }
}
