/** kohya networks.lora LoRA modules attached to the U-Net and text-encoder targets, named by LDM module path. */
package io.atelier.engine.djl.lora;
