package io.atelier.core.lora;

import java.util.Objects;

/**
 * One module a LoRA adapts: its kohya name (the stem of its three tensors) and the module path in an LDM-layout
 * checkpoint, whose weight is {@code ldmPath + ".weight"}.
 *
 * @param kohyaName e.g. {@code lora_unet_down_blocks_0_attentions_0_proj_in}
 * @param ldmPath   e.g. {@code model.diffusion_model.input_blocks.1.1.proj_in}
 * @param component U-Net or text encoder
 */
public record LoraModule(String kohyaName, String ldmPath, LoraComponent component) {

    public LoraModule {
        Objects.requireNonNull(kohyaName, "kohyaName");
        Objects.requireNonNull(ldmPath, "ldmPath");
        Objects.requireNonNull(component, "component");
    }

    /** The checkpoint weight this module adapts. */
    public String weightKey() {
        return ldmPath + ".weight";
    }

    /** {@code <name>.lora_down.weight}: shape {@code [rank, in]} ({@code [rank, in, 1, 1]} for a 1×1 conv). */
    public String downKey() {
        return LoraTensorNames.down(kohyaName);
    }

    /** {@code <name>.lora_up.weight}: shape {@code [out, rank]} ({@code [out, rank, 1, 1]} for a 1×1 conv). */
    public String upKey() {
        return LoraTensorNames.up(kohyaName);
    }

    /** {@code <name>.alpha}: a 0-dimensional scalar. */
    public String alphaKey() {
        return LoraTensorNames.alpha(kohyaName);
    }
}
