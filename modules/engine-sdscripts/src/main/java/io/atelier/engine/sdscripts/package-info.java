/**
 * The kohya sd-scripts adapter (reference/sd-scripts.md): what goes into the files sd-scripts reads, and the imports and
 * exports between a {@link io.atelier.core.params.TrainingConfig} and the formats other LoRA tools use. No Swing.
 * <ul>
 * <li>{@code .config}: the flat {@code --config_file} TOML, written and read back;</li>
 * <li>{@code .dataset}: the {@code --dataset_config} TOML;</li>
 * <li>{@code .prompts}: the sample-prompt {@code .txt} file;</li>
 * <li>{@code .kohya}: kohya_ss GUI preset JSON, both ways;</li>
 * <li>{@code .civitai}: the parameter sheet for Civitai's on-site trainer;</li>
 * <li>{@code .exporting}: writes one export format into a folder;</li>
 * <li>{@code .importing}: what an import reports; {@code .toml}: TOML text through Jackson's TOML format.</li>
 * <li>{@code .tensorboard}: TensorBoard event files found under {@code logging_dir} and their scalars read incrementally.</li>
 * </ul>
 */
package io.atelier.engine.sdscripts;
