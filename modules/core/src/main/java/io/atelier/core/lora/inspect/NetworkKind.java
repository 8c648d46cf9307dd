package io.atelier.core.lora.inspect;

import java.util.Locale;

/**
 * What kind of network a LoRA file holds, recognised from its tensor names and shapes. A module has one of the first
 * five; a file whose modules are of several (other than LoRA with LoCon convs) is {@link #MIXED}.
 */
public enum NetworkKind {
    /** kohya {@code lora_down}/{@code lora_up}/{@code alpha} on Linear and 1×1 conv layers. */
    LORA("LoRA"),
    /** LoRA modules that also adapt the ResNet/down/up-sampler (3×3) convolutions, sd-scripts' {@code conv_dim}. */
    LOCON("LoCon"),
    /** LyCORIS LoHa: Hadamard product of two low-rank pairs, {@code hada_w1_a} … {@code hada_w2_b}. */
    LOHA("LoHa"),
    /** LyCORIS LoKr: Kronecker product, {@code lokr_w1}, {@code lokr_w2} or their low-rank factors. */
    LOKR("LoKr"),
    /** LoRA with a learned magnitude per output, {@code dora_scale}. */
    DORA("DoRA"),
    MIXED("mixed"),
    UNKNOWN("unknown");

    private final String displayName;

    NetworkKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The spelling in JSON: {@code lora}, {@code locon}, {@code loha}, {@code lokr}, {@code dora}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
