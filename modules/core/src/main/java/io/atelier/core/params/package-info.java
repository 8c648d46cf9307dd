/**
 * Training parameters: the catalogue of every parameter with its type, unit, range, default and why
 * ({@link io.atelier.core.params.Params}), a configuration of values ({@link io.atelier.core.params.TrainingConfig}),
 * the built-in presets, the step budget and the plain-language checks.
 */
package io.atelier.core.params;
