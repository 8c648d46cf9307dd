package io.atelier.core.lora.inspect;

/**
 * Tensor names the inspector does not recognise, grouped by their shape with every number replaced by {@code #}, so
 * a few thousand keys of an unknown format read as a handful of lines.
 *
 * @param pattern e.g. {@code lora_te3_text_model_encoder_layers_#_mlp_fc#.lora_down.weight}
 * @param count   how many tensors have it
 * @param example the first of them
 */
public record KeyPattern(String pattern, int count, String example) {
}
