/**
 * A built-in training run: dataset loading and bucketing, cached latents, sd-scripts' epoch/batch/accumulation loop
 * with scheduled rates, kohya LoRA files and resumable states, and the run's events.
 */
package io.atelier.engine.djl.run;
