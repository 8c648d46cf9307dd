package io.atelier.core.lora.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.lora.KohyaMetadata;
import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.safetensors.PickleFormats;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.safetensors.SafetensorsFormatException;
import io.atelier.core.safetensors.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraInspectorTest {

    private static final String SD15_Q = "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q";
    private static final String SD15_K2 = "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn2_to_k";
    private static final String SD15_FF = "lora_unet_up_blocks_3_attentions_2_transformer_blocks_0_ff_net_2";
    private static final String SD15_PROJ = "lora_unet_mid_block_attentions_0_proj_in";
    private static final String SD15_TE = "lora_te_text_model_encoder_layers_0_self_attn_q_proj";

    @TempDir
    Path dir;

    /** An SD 1.5 LoRA as our built-in engine writes it: LoraFileWriter + KohyaMetadata. */
    private Path sd15(Map<String, String> extraMetadata) throws Exception {
        Map<String, Map<String, Integer>> tags = new LinkedHashMap<>();
        tags.put("10_mychar", Map.of("mychar", 30, "1girl", 28, "smile", 12));
        tags.put("5_extra", Map.of("1girl", 5, "outdoors", 12));
        KohyaMetadata meta = new KohyaMetadata().sessionId(7).outputName("mychar").network(8, 4)
                .learningRates(1e-4, 5e-5, null).counts(300, 0, 300, 10, 3000).seed(42).clipSkip(2)
                .optimizer("bitsandbytes.optim.adamw.AdamW8bit").lrScheduler("cosine", 0).resolution(512, 512)
                .trainingStartedAt(Instant.parse("2026-02-16T09:30:15.250Z")).trainingComment("first try")
                .baseModel("v1-5-pruned-emaonly.safetensors", "cc6cb27103417325ff94f52b7a5d2dde45a7515b25c255d8e396c90014281516")
                .tagFrequency(tags).datasetDir("10_mychar", 10, 30)
                .saved(3000, 10, Instant.parse("2026-02-16T10:30:00Z")).zone(ZoneOffset.UTC);
        extraMetadata.forEach(meta::put);
        LoraFileWriter lora = new LoraFileWriter()
                .module(SD15_Q, new float[8 * 320], new long[] {8, 320}, new float[320 * 8], new long[] {320, 8}, 4)
                .module(SD15_K2, new float[8 * 768], new long[] {8, 768}, new float[320 * 8], new long[] {320, 8}, 4)
                .module(SD15_FF, new float[8 * 1280], new long[] {8, 1280}, new float[320 * 8], new long[] {320, 8}, 4)
                .module(SD15_PROJ, new float[8 * 1280], new long[] {8, 1280, 1, 1}, new float[1280 * 8],
                        new long[] {1280, 8, 1, 1}, 4)
                .module(SD15_TE, new float[8 * 768], new long[] {8, 768}, new float[768 * 8], new long[] {768, 8}, 4);
        Path file = dir.resolve("mychar.safetensors");
        lora.write(file, meta.build());
        return file;
    }

    @Test
    void readsAnSd15LoraOfOurs() throws Exception {
        Path file = sd15(Map.of());

        LoraReport r = LoraInspector.inspect(file);

        assertThat(r.file()).isEqualTo(file);
        assertThat(r.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(r.tensorCount()).isEqualTo(15);
        assertThat(r.dtypes()).containsExactly(Map.entry(SafetensorsDtype.F16, 15));
        assertThat(r.hasMetadata()).isTrue();
        assertThat(r.name()).isEqualTo("mychar");
        assertThat(r.kind()).isEqualTo(NetworkKind.LORA);
        assertThat(r.modules()).isEqualTo(new ModuleCounts(5, new ModuleCounts.Unet(4, 2, 1, 1, 0, 0), 1, 0, 0));
        assertThat(r.rankAlpha().dim()).isEqualTo(8);
        assertThat(r.rankAlpha().dimSource()).isEqualTo(RankAlpha.METADATA);
        assertThat(r.rankAlpha().alpha()).isEqualTo(4.0);
        assertThat(r.rankAlpha().ranks()).containsExactly(8);
        assertThat(r.rankAlpha().alphas()).containsExactly(4.0);
        assertThat(r.rankAlpha().varies()).isFalse();

        BaseModelReport base = r.baseModel();
        assertThat(base.family()).isEqualTo(BaseModelFamily.SD15);
        assertThat(base.baseModelVersion()).isEqualTo("sd_v1");
        assertThat(base.sdModelName()).isEqualTo("v1-5-pruned-emaonly.safetensors");
        assertThat(base.newSdModelHash()).startsWith("cc6cb271");
        assertThat(base.architecture()).isEqualTo("stable-diffusion-v1/lora");
        assertThat(base.evidence()).anySatisfy(e -> assertThat(e).contains("lora_te_").contains("768"))
                .anySatisfy(e -> assertThat(e).contains("cross-attention").contains("768"));

        TrainingSummary t = r.training();
        assertThat(t.outputName()).isEqualTo("mychar");
        assertThat(t.epoch()).isEqualTo(10);
        assertThat(t.steps()).isEqualTo(3000);
        assertThat(t.learningRate()).isEqualTo(1e-4);
        assertThat(t.textEncoderLr()).isEqualTo(5e-5);
        assertThat(t.unetLr()).isNull(); // "None"
        assertThat(t.optimizer()).isEqualTo("bitsandbytes.optim.adamw.AdamW8bit");
        assertThat(t.lrScheduler()).isEqualTo("cosine");
        assertThat(t.resolution()).isEqualTo("(512, 512)");
        assertThat(t.trainImages()).isEqualTo(300);
        assertThat(t.seed()).isEqualTo(42L);
        assertThat(t.clipSkip()).isEqualTo(2);
        assertThat(t.trainingComment()).isEqualTo("first try");
        assertThat(t.trainingStartedAt()).isEqualTo(Instant.parse("2026-02-16T09:30:15.250Z"));
        assertThat(t.trainingFinishedAt()).isEqualTo(Instant.parse("2026-02-16T10:30:00Z"));

        // merged over both folders, by count, ties by tag
        assertThat(r.tags()).containsExactly(new TrainedTag("1girl", 33), new TrainedTag("mychar", 30),
                new TrainedTag("outdoors", 12), new TrainedTag("smile", 12));
        assertThat(r.datasetDirs()).containsExactly(new DatasetDir("10_mychar", 10, 30));

        assertThat(r.metadata().ss()).containsEntry("ss_network_dim", "8").doesNotContainKey("sshs_model_hash");
        assertThat(r.metadata().hashes()).containsOnlyKeys("sshs_model_hash", "sshs_legacy_hash");
        assertThat(r.metadata().modelspec()).containsEntry("modelspec.title", "mychar");
        assertThat(r.metadata().other()).isEmpty();
        assertThat(r.unknownKeys()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    /** An SDXL LoRA as sd-scripts writes it: LDM block names, two text encoders, 2048-wide cross-attention. */
    @Test
    void tellsSdxlFromTheTwoTextEncodersAndPonyFromTheBaseModelName() throws Exception {
        SafetensorsWriter w = new SafetensorsWriter().metadata(Map.of("ss_base_model_version", "sdxl_base_v1-0",
                "ss_sd_model_name", "ponyDiffusionV6XL.safetensors",
                "modelspec.architecture", "stable-diffusion-xl-v1-base/lora"));
        loraModule(w, "lora_te1_text_model_encoder_layers_0_self_attn_q_proj", 4, 768, 768, 2);
        loraModule(w, "lora_te2_text_model_encoder_layers_31_mlp_fc2", 4, 5120, 1280, 2);
        loraModule(w, "lora_unet_input_blocks_7_1_transformer_blocks_9_attn2_to_k", 4, 2048, 1280, 2);
        loraModule(w, "lora_unet_output_blocks_5_1_proj_out", 4, 640, 640, 2);
        Path file = dir.resolve("sdxl.safetensors");
        w.write(file);

        LoraReport r = LoraInspector.inspect(file);

        assertThat(r.kind()).isEqualTo(NetworkKind.LORA);
        assertThat(r.modules()).isEqualTo(new ModuleCounts(4, new ModuleCounts.Unet(2, 1, 0, 1, 0, 0), 0, 1, 1));
        assertThat(r.baseModel().family()).isEqualTo(BaseModelFamily.PONY);
        assertThat(r.baseModel().evidence()).anySatisfy(e -> assertThat(e).contains("lora_te1_ and lora_te2_"))
                .anySatisfy(e -> assertThat(e).contains("2048"))
                .anySatisfy(e -> assertThat(e).contains("ponyDiffusionV6XL.safetensors").contains("pony"));
        // no ss_network_dim: from the tensors
        assertThat(r.rankAlpha().dim()).isEqualTo(4);
        assertThat(r.rankAlpha().dimSource()).isEqualTo(RankAlpha.TENSORS);
        assertThat(r.rankAlpha().alpha()).isEqualTo(2.0);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void recognisesLohaWithItsRank() throws Exception {
        SafetensorsWriter w = new SafetensorsWriter().metadata(Map.of("ss_network_module", "lycoris.kohya",
                "ss_network_args", "{\"algo\": \"loha\", \"conv_dim\": \"4\"}"));
        for (String m : new String[] {"lora_unet_input_blocks_4_1_transformer_blocks_1_attn1_to_q",
                "lora_unet_input_blocks_4_0_in_layers_2"}) {
            w.add(m + ".hada_w1_a", SafetensorsDtype.F16, new long[] {640, 8}, new float[640 * 8]);
            w.add(m + ".hada_w1_b", SafetensorsDtype.F16, new long[] {8, 640}, new float[640 * 8]);
            w.add(m + ".hada_w2_a", SafetensorsDtype.F16, new long[] {640, 8}, new float[640 * 8]);
            w.add(m + ".hada_w2_b", SafetensorsDtype.F16, new long[] {8, 640}, new float[640 * 8]);
            w.addScalar(m + ".alpha", SafetensorsDtype.F16, 8);
        }
        Path file = dir.resolve("loha.safetensors");
        w.write(file);

        LoraReport r = LoraInspector.inspect(file);

        assertThat(r.kind()).isEqualTo(NetworkKind.LOHA);
        assertThat(r.moduleKinds()).containsExactly(Map.entry(NetworkKind.LOHA, 2));
        assertThat(r.modules().unet()).isEqualTo(new ModuleCounts.Unet(2, 1, 0, 0, 1, 0));
        assertThat(r.rankAlpha().ranks()).containsExactly(8);
        assertThat(r.rankAlpha().alpha()).isEqualTo(8.0);
        assertThat(r.networkArgs()).containsEntry("algo", "loha").containsEntry("conv_dim", "4");
        assertThat(r.training().networkModule()).isEqualTo("lycoris.kohya");
        assertThat(r.baseModel().family()).isEqualTo(BaseModelFamily.SDXL); // transformer block 1: SDXL depth
        assertThat(r.unknownKeys()).isEmpty();
    }

    @Test
    void recognisesLokrDoraAndLoconAndListsUnknownKeys() throws Exception {
        SafetensorsWriter lokr = new SafetensorsWriter();
        lokr.add("lora_unet_input_blocks_4_1_proj_in.lokr_w1", SafetensorsDtype.F16, new long[] {8, 8}, new float[64]);
        lokr.add("lora_unet_input_blocks_4_1_proj_in.lokr_w2_a", SafetensorsDtype.F16, new long[] {80, 4},
                new float[320]);
        lokr.add("lora_unet_input_blocks_4_1_proj_in.lokr_w2_b", SafetensorsDtype.F16, new long[] {4, 80},
                new float[320]);
        lokr.write(dir.resolve("lokr.safetensors"));
        assertThat(LoraInspector.inspect(dir.resolve("lokr.safetensors")).kind()).isEqualTo(NetworkKind.LOKR);
        assertThat(LoraInspector.inspect(dir.resolve("lokr.safetensors")).rankAlpha().ranks()).containsExactly(4);

        SafetensorsWriter dora = new SafetensorsWriter();
        loraModule(dora, SD15_Q, 4, 320, 320, 4);
        dora.add(SD15_Q + ".dora_scale", SafetensorsDtype.F16, new long[] {1, 320}, new float[320]);
        dora.write(dir.resolve("dora.safetensors"));
        assertThat(LoraInspector.inspect(dir.resolve("dora.safetensors")).kind()).isEqualTo(NetworkKind.DORA);

        // sd-scripts' conv_dim: 3×3 LoRA on a ResNet conv, with a different conv rank and alpha
        SafetensorsWriter locon = new SafetensorsWriter();
        loraModule(locon, SD15_Q, 16, 320, 320, 8);
        locon.add("lora_unet_down_blocks_0_resnets_0_conv1.lora_down.weight", SafetensorsDtype.F16,
                new long[] {4, 320, 3, 3}, new float[4 * 320 * 9]);
        locon.add("lora_unet_down_blocks_0_resnets_0_conv1.lora_up.weight", SafetensorsDtype.F16,
                new long[] {320, 4, 1, 1}, new float[320 * 4]);
        locon.addScalar("lora_unet_down_blocks_0_resnets_0_conv1.alpha", SafetensorsDtype.F16, 1);
        locon.add("lora_te3_text_model_encoder_layers_0_mlp_fc1.lora_down.weight", SafetensorsDtype.F16,
                new long[] {2, 2}, new float[4]);
        locon.add("lora_te3_text_model_encoder_layers_1_mlp_fc1.lora_down.weight", SafetensorsDtype.F16,
                new long[] {2, 2}, new float[4]);
        locon.write(dir.resolve("locon.safetensors"));

        LoraReport r = LoraInspector.inspect(dir.resolve("locon.safetensors"));

        assertThat(r.kind()).isEqualTo(NetworkKind.LOCON);
        assertThat(r.moduleKinds()).containsExactly(Map.entry(NetworkKind.LORA, 1), Map.entry(NetworkKind.LOCON, 1));
        assertThat(r.modules().unet().conv()).isEqualTo(1);
        assertThat(r.rankAlpha().dim()).isNull();
        assertThat(r.rankAlpha().ranks()).containsExactly(4, 16);
        assertThat(r.rankAlpha().minRank()).isEqualTo(4);
        assertThat(r.rankAlpha().maxRank()).isEqualTo(16);
        assertThat(r.rankAlpha().minAlpha()).isEqualTo(1.0);
        assertThat(r.rankAlpha().maxAlpha()).isEqualTo(8.0);
        assertThat(r.rankAlpha().varies()).isTrue();
        assertThat(r.unknownKeys()).containsExactly(new KeyPattern(
                "lora_te#_text_model_encoder_layers_#_mlp_fc#.lora_down.weight", 2,
                "lora_te3_text_model_encoder_layers_0_mlp_fc1.lora_down.weight"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("2 of 8 tensors"));
        assertThat(r.problems()).isEmpty(); // unknown keys are not an error
    }

    @Test
    void badJsonIsAProblemNamingTheKeyAndTheRestIsReported() throws Exception {
        Path file = sd15(Map.of("ss_tag_frequency", "{\"10_mychar\": {\"mychar\": 30,", "ss_bucket_info", "not json",
                "ss_dataset_dirs", "[1, 2]", "ss_epoch", "ten"));

        LoraReport r = LoraInspector.inspect(file);

        assertThat(r.problems()).extracting(LoraProblem::key)
                .containsExactlyInAnyOrder("ss_tag_frequency", "ss_bucket_info", "ss_dataset_dirs", "ss_epoch");
        assertThat(r.problems()).filteredOn(p -> p.key().equals("ss_tag_frequency")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("ss_tag_frequency is not valid JSON")
                        .contains("trained tags are left out"));
        assertThat(r.problems()).filteredOn(p -> p.key().equals("ss_epoch")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("ss_epoch is \"ten\", not a whole number"));
        assertThat(r.tags()).isEmpty();
        assertThat(r.datasetDirs()).isEmpty();
        assertThat(r.training().epoch()).isNull();
        // the rest is intact
        assertThat(r.kind()).isEqualTo(NetworkKind.LORA);
        assertThat(r.rankAlpha().dim()).isEqualTo(8);
        assertThat(r.training().steps()).isEqualTo(3000);
        assertThat(r.baseModel().family()).isEqualTo(BaseModelFamily.SD15);
    }

    @Test
    void noMetadataIsSaidNotRefused() throws Exception {
        SafetensorsWriter w = new SafetensorsWriter();
        loraModule(w, SD15_K2, 4, 768, 320, 1);
        Path file = dir.resolve("bare.safetensors");
        w.write(file);

        LoraReport r = LoraInspector.inspect(file);

        assertThat(r.hasMetadata()).isFalse();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("no metadata"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.name()).isEqualTo("bare");
        assertThat(r.metadata().isEmpty()).isTrue();
        assertThat(r.training().outputName()).isNull();
        assertThat(r.tags()).isEmpty();
        assertThat(r.rankAlpha().dim()).isEqualTo(4);
        assertThat(r.rankAlpha().alpha()).isEqualTo(1.0);
        assertThat(r.baseModel().family()).isEqualTo(BaseModelFamily.SD15);
        assertThat(r.baseModel().baseModelVersion()).isNull();
    }

    @Test
    void metadataThatDisagreesWithTheTensorsIsAProblem() throws Exception {
        SafetensorsWriter w = new SafetensorsWriter().metadata(Map.of("ss_network_dim", "32",
                "ss_network_alpha", "16.0", "ss_base_model_version", "sdxl_base_v1-0"));
        loraModule(w, SD15_K2, 4, 768, 320, 1);
        Path file = dir.resolve("resized.safetensors");
        w.write(file);

        LoraReport r = LoraInspector.inspect(file);

        assertThat(r.problems()).extracting(LoraProblem::key)
                .containsExactlyInAnyOrder("ss_network_dim", "ss_network_alpha", "ss_base_model_version");
        assertThat(r.rankAlpha().dim()).isEqualTo(32); // the metadata's word, with the problem beside it
        assertThat(r.rankAlpha().ranks()).containsExactly(4);
        assertThat(r.baseModel().family()).isEqualTo(BaseModelFamily.SD15);

        SafetensorsWriter dynamic = new SafetensorsWriter().metadata(Map.of("ss_network_dim", "Dynamic"));
        loraModule(dynamic, SD15_K2, 4, 768, 320, 1);
        dynamic.write(file);
        LoraReport d = LoraInspector.inspect(file);
        assertThat(d.problems()).isEmpty();
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("ss_network_dim is \"Dynamic\""));
        assertThat(d.rankAlpha().dim()).isEqualTo(4);
        assertThat(d.rankAlpha().dimSource()).isEqualTo(RankAlpha.TENSORS);
    }

    @Test
    void refusesPicklesTruncatedFilesAndMissingOnes() throws Exception {
        Path ckpt = Files.writeString(dir.resolve("lora.ckpt"), "not opened");
        assertThatThrownBy(() -> LoraInspector.inspect(ckpt)).isInstanceOf(SafetensorsFormatException.class)
                .hasMessage(PickleFormats.refusal(ckpt));
        Path pt = dir.resolve("lora.pt");
        assertThatThrownBy(() -> LoraInspector.inspect(pt)).hasMessage(PickleFormats.refusal(pt));

        Path file = sd15(Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.safetensors"), Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> LoraInspector.inspect(truncated)).isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith(truncated.toString()).hasMessageContaining("truncated");
        Path garbage = Files.writeString(dir.resolve("garbage.safetensors"), "hello, this is not safetensors");
        assertThatThrownBy(() -> LoraInspector.inspect(garbage)).isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith(garbage.toString());

        assertThatThrownBy(() -> LoraInspector.inspect(dir.resolve("missing.safetensors")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("missing.safetensors");
        assertThatThrownBy(() -> LoraInspector.inspect(dir)).isInstanceOf(SafetensorsFormatException.class)
                .hasMessageContaining("is a directory");
    }

    private static void loraModule(SafetensorsWriter w, String name, int rank, int in, int out, float alpha) {
        w.add(name + ".lora_down.weight", SafetensorsDtype.F16, new long[] {rank, in}, new float[rank * in]);
        w.add(name + ".lora_up.weight", SafetensorsDtype.F16, new long[] {out, rank}, new float[out * rank]);
        w.addScalar(name + ".alpha", SafetensorsDtype.F16, alpha);
    }
}
