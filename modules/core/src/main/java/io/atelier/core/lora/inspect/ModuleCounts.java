package io.atelier.core.lora.inspect;

import java.util.List;

/**
 * How many modules a LoRA adapts in each part of the model.
 *
 * @param total        all modules
 * @param unet         U-Net modules, by where they sit
 * @param textEncoder  {@code lora_te_} (SD 1.x/2.x)
 * @param textEncoder1 {@code lora_te1_} (SDXL's CLIP ViT-L)
 * @param textEncoder2 {@code lora_te2_} (SDXL's OpenCLIP ViT-bigG)
 */
public record ModuleCounts(int total, Unet unet, int textEncoder, int textEncoder1, int textEncoder2) {

    /** U-Net modules: {@code total} = the sum of the others. */
    public record Unet(int total, int attention, int feedForward, int proj, int conv, int other) {
    }

    static ModuleCounts of(List<ScannedModule> modules) {
        int[] roles = new int[UnetRole.values().length];
        int[] parts = new int[ModulePart.values().length];
        for (ScannedModule m : modules) {
            parts[m.part().ordinal()]++;
            if (m.role() != null) {
                roles[m.role().ordinal()]++;
            }
        }
        Unet unet = new Unet(parts[ModulePart.UNET.ordinal()], roles[UnetRole.ATTENTION.ordinal()],
                roles[UnetRole.FEED_FORWARD.ordinal()], roles[UnetRole.PROJ.ordinal()], roles[UnetRole.CONV.ordinal()],
                roles[UnetRole.OTHER.ordinal()]);
        return new ModuleCounts(modules.size(), unet, parts[ModulePart.TEXT_ENCODER.ordinal()],
                parts[ModulePart.TEXT_ENCODER_1.ordinal()], parts[ModulePart.TEXT_ENCODER_2.ordinal()]);
    }
}
