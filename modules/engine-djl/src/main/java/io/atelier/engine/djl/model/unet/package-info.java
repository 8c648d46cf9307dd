/** The SD 1.5 U-Net in the LDM layout (model.diffusion_model.*), structure read from the checkpoint. */
package io.atelier.engine.djl.model.unet;
