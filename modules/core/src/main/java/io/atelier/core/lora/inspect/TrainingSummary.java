package io.atelier.core.lora.inspect;

import java.time.Instant;

/**
 * The training parameters worth showing, read from the {@code ss_*} metadata; each is null when the file does not
 * say (absent, or Python's {@code None}).
 *
 * @param outputName        {@code ss_output_name}
 * @param epoch             {@code ss_epoch}: the epoch this file was saved at
 * @param epochs            {@code ss_num_epochs}
 * @param steps             {@code ss_steps}: the global step this file was saved at
 * @param maxTrainSteps     {@code ss_max_train_steps}
 * @param learningRate      {@code ss_learning_rate}
 * @param unetLr            {@code ss_unet_lr}
 * @param textEncoderLr     {@code ss_text_encoder_lr}
 * @param optimizer         {@code ss_optimizer}, e.g. {@code bitsandbytes.optim.adamw.AdamW8bit}
 * @param lrScheduler       {@code ss_lr_scheduler}
 * @param lrWarmupSteps     {@code ss_lr_warmup_steps}
 * @param resolution        {@code ss_resolution} as written, e.g. {@code (1024, 1024)}
 * @param trainImages       {@code ss_num_train_images}, repeats included
 * @param regImages         {@code ss_num_reg_images}
 * @param batchSize         {@code ss_total_batch_size}, else {@code ss_batch_size_per_device}
 * @param seed              {@code ss_seed}
 * @param clipSkip          {@code ss_clip_skip}
 * @param mixedPrecision    {@code ss_mixed_precision}
 * @param networkModule     {@code ss_network_module}, e.g. {@code networks.lora}, {@code lycoris.kohya}
 * @param noiseOffset       {@code ss_noise_offset}
 * @param minSnrGamma       {@code ss_min_snr_gamma}
 * @param trainingComment   {@code ss_training_comment}
 * @param trainingStartedAt {@code ss_training_started_at}
 * @param trainingFinishedAt {@code ss_training_finished_at}
 */
public record TrainingSummary(String outputName, Integer epoch, Integer epochs, Integer steps, Integer maxTrainSteps,
                              Double learningRate, Double unetLr, Double textEncoderLr, String optimizer,
                              String lrScheduler, Integer lrWarmupSteps, String resolution, Integer trainImages,
                              Integer regImages, Integer batchSize, Long seed, Integer clipSkip, String mixedPrecision,
                              String networkModule, Double noiseOffset, Double minSnrGamma, String trainingComment,
                              Instant trainingStartedAt, Instant trainingFinishedAt) {

    static TrainingSummary of(MetadataValues m) {
        Integer batch = m.integer("ss_total_batch_size");
        return new TrainingSummary(m.text("ss_output_name"), m.integer("ss_epoch"), m.integer("ss_num_epochs"),
                m.integer("ss_steps"), m.integer("ss_max_train_steps"), m.decimal("ss_learning_rate"),
                m.decimal("ss_unet_lr"), m.decimal("ss_text_encoder_lr"), m.text("ss_optimizer"),
                m.text("ss_lr_scheduler"), m.integer("ss_lr_warmup_steps"), m.text("ss_resolution"),
                m.integer("ss_num_train_images"), m.integer("ss_num_reg_images"),
                batch != null ? batch : m.integer("ss_batch_size_per_device"), m.whole("ss_seed"),
                m.integer("ss_clip_skip"), m.text("ss_mixed_precision"), m.text("ss_network_module"),
                m.decimal("ss_noise_offset"), m.decimal("ss_min_snr_gamma"), m.text("ss_training_comment"),
                m.instant("ss_training_started_at"), m.instant("ss_training_finished_at"));
    }
}
