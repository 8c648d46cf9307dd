/** Reading checkpoint tensors by name (widened to F32, never BF16) with shape checks and missing-key reports. */
package io.atelier.engine.djl.checkpoint;
