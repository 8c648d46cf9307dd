package io.atelier.core.lora.inspect;

/**
 * One adapted layer of a LoRA file: the stem its tensors share and what its tensors say about it.
 *
 * @param name       e.g. {@code lora_unet_input_blocks_4_1_proj_in}
 * @param part       U-Net or a text encoder
 * @param role       where in the U-Net; null for a text-encoder module
 * @param kind       LoRA, LoCon, LoHa, LoKr or DoRA
 * @param rank       the low-rank dimension; null for a full-rank LoKr factor
 * @param inputWidth features the adapted layer takes in (a cross-attention key's is the text context width); null
 *                   when the tensors do not show it
 * @param alphaKey   the {@code .alpha} tensor, null when the module has none
 */
record ScannedModule(String name, ModulePart part, UnetRole role, NetworkKind kind, Integer rank, Long inputWidth,
                     String alphaKey) {
}
