/**
 * Training runs across projects: {@link io.atelier.runner.RunService} freezes a run's spec, keeps the persistent queue
 * moving (one run per GPU unless the user allows more, pausable), starts runs through their engine, records what they
 * report in the store and the run's log, and on start turns runs whose process died into interrupted ones.
 */
package io.atelier.runner;
