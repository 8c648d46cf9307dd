package io.atelier.core.lora;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KohyaMetadataTest {

    @Test
    void writesTheSsKeysOfAnSd15RunAsPythonStrings() {
        Map<String, Integer> tags = new LinkedHashMap<>();
        tags.put("mychar", 24);
        tags.put("1girl", 20);
        Map<String, String> m = new KohyaMetadata()
                .sessionId(123456789)
                .trainingStartedAt(Instant.ofEpochSecond(1_700_000_000, 500_000_000))
                .outputName("mychar")
                .learningRates(1e-4, 5e-5, null)
                .counts(240, 0, 120, 4, 480)
                .batchSize(2)
                .gradient(false, 1, 1.0)
                .lrScheduler("cosine_with_restarts", 0)
                .network(16, 16)
                .mixedPrecision("fp16")
                .clipSkip(2)
                .cacheLatents(true)
                .seed(42)
                .noiseOffset(0.03)
                .minSnrGamma(null)
                .optimizer(KohyaMetadata.OPTIMIZER_ADAMW)
                .trainingComment("trigger: mychar")
                .resolution(512, 512)
                .augmentation(true, false, 1)
                .buckets(true, true, 256, 1024)
                .tagFrequency(Map.of("10_mychar", tags))
                .datasetDir("10_mychar", 10, 24)
                .baseModel("v1-5-pruned-emaonly.safetensors", "cc6cb27103417325ff94f52b7a5d2dde45a7515b25c255d8e396c90014281516")
                .saved(480, 4, Instant.ofEpochSecond(1_700_003_600))
                .zone(ZoneOffset.UTC)
                .implementationVersion("lora-atelier/1.0")
                .build();

        assertThat(m).containsEntry("ss_session_id", "123456789")
                .containsEntry("ss_training_started_at", "1700000000.5")
                .containsEntry("ss_output_name", "mychar")
                .containsEntry("ss_learning_rate", "0.0001")
                .containsEntry("ss_text_encoder_lr", "5e-05")
                .containsEntry("ss_unet_lr", "None")
                .containsEntry("ss_num_train_images", "240")
                .containsEntry("ss_num_batches_per_epoch", "120")
                .containsEntry("ss_num_epochs", "4")
                .containsEntry("ss_max_train_steps", "480")
                .containsEntry("ss_lr_scheduler", "cosine_with_restarts")
                .containsEntry("ss_network_module", "networks.lora")
                .containsEntry("ss_network_dim", "16")
                .containsEntry("ss_network_alpha", "16.0")
                .containsEntry("ss_network_dropout", "None")
                .containsEntry("ss_mixed_precision", "fp16")
                .containsEntry("ss_v2", "False")
                .containsEntry("ss_base_model_version", "sd_v1")
                .containsEntry("ss_clip_skip", "2")
                .containsEntry("ss_cache_latents", "True")
                .containsEntry("ss_seed", "42")
                .containsEntry("ss_noise_offset", "0.03")
                .containsEntry("ss_min_snr_gamma", "None")
                .containsEntry("ss_optimizer", "torch.optim.adamw.AdamW")
                .containsEntry("ss_training_comment", "trigger: mychar")
                .containsEntry("ss_resolution", "(512, 512)")
                .containsEntry("ss_total_batch_size", "2")
                .containsEntry("ss_flip_aug", "True")
                .containsEntry("ss_enable_bucket", "True")
                .containsEntry("ss_min_bucket_reso", "256")
                .containsEntry("ss_tag_frequency", "{\"10_mychar\": {\"mychar\": 24, \"1girl\": 20}}")
                .containsEntry("ss_dataset_dirs", "{\"10_mychar\": {\"n_repeats\": 10, \"img_count\": 24}}")
                .containsEntry("ss_sd_model_name", "v1-5-pruned-emaonly.safetensors")
                .containsEntry("ss_steps", "480")
                .containsEntry("ss_epoch", "4")
                .containsEntry("ss_training_finished_at", "1700003600.0")
                .containsEntry("modelspec.sai_model_spec", "1.0.1")
                .containsEntry("modelspec.architecture", "stable-diffusion-v1/lora")
                .containsEntry("modelspec.implementation", "diffusers")
                .containsEntry("modelspec.title", "mychar")
                .containsEntry("modelspec.resolution", "512x512")
                .containsEntry("modelspec.date", "2023-11-14T23:13:20")
                .containsEntry("modelspec.prediction_type", "epsilon")
                .containsEntry("modelspec.encoder_layer", "2")
                .containsEntry("modelspec.implementation_version", "lora-atelier/1.0");
        assertThat(m.values()).doesNotContainNull();
        assertThat(m.keySet()).allMatch(k -> k.startsWith("ss_") || k.startsWith("modelspec."));
    }

    @Test
    void anExplicitTitleWinsOverTheOutputName() {
        assertThat(new KohyaMetadata().title("My LoRA").outputName("mychar").build())
                .containsEntry("modelspec.title", "My LoRA").containsEntry("ss_output_name", "mychar");
    }
}
