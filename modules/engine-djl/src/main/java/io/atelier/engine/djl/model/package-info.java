/** SD 1.5 single-file checkpoints on DJL: family check, head counts, which parts to load. */
package io.atelier.engine.djl.model;
