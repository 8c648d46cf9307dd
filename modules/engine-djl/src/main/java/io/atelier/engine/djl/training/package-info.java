/** The LoRA training step: epsilon-prediction MSE on core's SD 1.5 noise schedule, AdamW on the LoRA weights. */
package io.atelier.engine.djl.training;
