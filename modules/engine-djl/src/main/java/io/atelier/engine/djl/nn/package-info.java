/** The layers SD 1.5 is built from, as NDArray expressions: linear, conv, group/layer norm, attention, activations, resizing; the Linear and 1×1 conv layers are LoRA targets. */
package io.atelier.engine.djl.nn;
