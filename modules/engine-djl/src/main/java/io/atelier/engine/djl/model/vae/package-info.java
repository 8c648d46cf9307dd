/** The SD VAE encoder and decoder (first_stage_model.*), latents scaled by 0.18215. */
package io.atelier.engine.djl.model.vae;
