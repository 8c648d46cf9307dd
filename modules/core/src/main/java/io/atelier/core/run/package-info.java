/**
 * Training runs and the engine SPI: the frozen specification of a run, its states, the typed events a running engine
 * emits, and the interface engines (sd-scripts, built-in) implement and register with {@code @ServiceProvider}.
 */
package io.atelier.core.run;
