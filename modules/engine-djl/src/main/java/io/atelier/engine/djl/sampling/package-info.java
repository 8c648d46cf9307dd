/** Text-to-image sampling with an SD 1.5 model on DJL: Euler, Euler ancestral and DDIM with classifier-free guidance. */
package io.atelier.engine.djl.sampling;
