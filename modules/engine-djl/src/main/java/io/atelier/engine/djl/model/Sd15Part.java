package io.atelier.engine.djl.model;

/** The networks of an SD 1.5 checkpoint, so a caller loads only what it needs (training on cached latents needs no VAE). */
public enum Sd15Part {
    UNET, TEXT_ENCODER, VAE_ENCODER, VAE_DECODER
}
