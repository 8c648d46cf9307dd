package io.atelier.core.lora;

/** The part of an SD 1.5 model a LoRA module adapts, with its kohya name prefix. */
public enum LoraComponent {
    UNET("lora_unet"),
    TEXT_ENCODER("lora_te");

    private final String prefix;

    LoraComponent(String prefix) {
        this.prefix = prefix;
    }

    /** {@code lora_unet} or {@code lora_te}, as sd-scripts names SD 1.5 modules. */
    public String prefix() {
        return prefix;
    }
}
