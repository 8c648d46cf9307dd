/**
 * The built-in engine: LoRA training and sampling for SD 1.5 checkpoints on DJL's PyTorch engine, CUDA when present,
 * the CPU otherwise, no Python.
 */
package io.atelier.engine.djl;
