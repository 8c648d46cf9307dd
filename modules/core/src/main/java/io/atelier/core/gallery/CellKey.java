package io.atelier.core.gallery;

/**
 * What makes two gallery images the same cell: the epoch, the prompt as rendered (text, negative, size, steps,
 * sampler, CFG, seed), the base model and the LoRA strength. A generation request whose key is already in the
 * gallery is not made again.
 */
public record CellKey(int epoch, String prompt, String negativePrompt, int width, int height, int steps,
        String sampler, long cfgMillis, Long seed, String baseModel, long strengthMillis) {

    public static CellKey of(SampleImage s) {
        return new CellKey(s.epoch(), s.prompt(), s.negativePrompt(), s.width(), s.height(), s.steps(), s.sampler(),
                Math.round(s.cfgScale() * 1000), s.seed(), s.baseModel(), Math.round(s.loraStrength() * 1000));
    }
}
