package io.atelier.core.lora.inspect;

import java.util.Optional;

/** The model part a kohya-named module adapts, by its name prefix. */
public enum ModulePart {
    UNET("lora_unet_"),
    /** SD 1.x/2.x's one text encoder. */
    TEXT_ENCODER("lora_te_"),
    /** SDXL's CLIP ViT-L. */
    TEXT_ENCODER_1("lora_te1_"),
    /** SDXL's OpenCLIP ViT-bigG. */
    TEXT_ENCODER_2("lora_te2_");

    private final String prefix;

    ModulePart(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The part a module name belongs to, or empty for a prefix kohya does not write. */
    public static Optional<ModulePart> of(String moduleName) {
        for (ModulePart p : values()) {
            if (moduleName.startsWith(p.prefix()) && moduleName.length() > p.prefix().length()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
