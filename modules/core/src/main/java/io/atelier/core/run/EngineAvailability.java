package io.atelier.core.run;

/**
 * Whether an engine can run on this machine.
 *
 * @param usable  it can start runs
 * @param cuda    it would train on a CUDA GPU (else the CPU)
 * @param message what is missing or what it will use, in words
 */
public record EngineAvailability(boolean usable, boolean cuda, String message) {
}
