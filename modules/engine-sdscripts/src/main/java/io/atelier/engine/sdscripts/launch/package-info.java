/**
 * Launching kohya sd-scripts: {@link io.atelier.engine.sdscripts.launch.SdScriptsEngine} (the
 * {@code TrainingEngine} registered in {@code Lookup}), its settings
 * ({@link io.atelier.engine.sdscripts.launch.SdScriptsSettings}), the installation check
 * ({@link io.atelier.engine.sdscripts.launch.InstallationCheck} → {@link io.atelier.engine.sdscripts.launch.CheckReport}),
 * and the pieces a running segment is made of: the command line, the stream readers, the TensorBoard follower, the
 * checkpoint and sample scanner, process-tree termination, and the resume bookkeeping ({@code segments.json}).
 */
package io.atelier.engine.sdscripts.launch;
