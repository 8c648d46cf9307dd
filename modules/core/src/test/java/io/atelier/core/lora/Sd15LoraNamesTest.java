package io.atelier.core.lora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sd15LoraNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn1.to_q, "
                + "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q",
        "model.diffusion_model.input_blocks.2.1.proj_in, lora_unet_down_blocks_0_attentions_1_proj_in",
        "model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_k, "
                + "lora_unet_down_blocks_1_attentions_0_transformer_blocks_0_attn2_to_k",
        "model.diffusion_model.input_blocks.8.1.proj_out, lora_unet_down_blocks_2_attentions_1_proj_out",
        "model.diffusion_model.middle_block.1.proj_in, lora_unet_mid_block_attentions_0_proj_in",
        "model.diffusion_model.output_blocks.3.1.transformer_blocks.0.ff.net.0.proj, "
                + "lora_unet_up_blocks_1_attentions_0_transformer_blocks_0_ff_net_0_proj",
        "model.diffusion_model.output_blocks.11.1.transformer_blocks.0.attn2.to_out.0, "
                + "lora_unet_up_blocks_3_attentions_2_transformer_blocks_0_attn2_to_out_0",
        "model.diffusion_model.output_blocks.7.1.transformer_blocks.0.ff.net.2, "
                + "lora_unet_up_blocks_2_attentions_1_transformer_blocks_0_ff_net_2",
        "cond_stage_model.transformer.text_model.encoder.layers.0.self_attn.q_proj, "
                + "lora_te_text_model_encoder_layers_0_self_attn_q_proj",
        "cond_stage_model.transformer.text_model.encoder.layers.11.self_attn.out_proj, "
                + "lora_te_text_model_encoder_layers_11_self_attn_out_proj",
        "cond_stage_model.transformer.text_model.encoder.layers.5.mlp.fc1, "
                + "lora_te_text_model_encoder_layers_5_mlp_fc1",
        "cond_stage_model.transformer.text_model.encoder.layers.10.mlp.fc2, "
                + "lora_te_text_model_encoder_layers_10_mlp_fc2",
    })
    void mapsLdmPathsToKohyaNamesAndBack(String ldm, String kohya) {
        assertThat(Sd15LoraNames.kohyaName(ldm)).contains(kohya);
        assertThat(Sd15LoraNames.ldmPath(kohya)).contains(ldm);
    }

    @Test
    void readsLdmBlockNamesAsSomeToolsWriteThem() {
        assertThat(Sd15LoraNames.ldmPath("lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k"))
                .contains("model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_k");
        assertThat(Sd15LoraNames.ldmPath("lora_unet_middle_block_1_proj_out"))
                .contains("model.diffusion_model.middle_block.1.proj_out");
        assertThat(Sd15LoraNames.ldmPath("lora_unet_output_blocks_5_1_proj_out"))
                .contains("model.diffusion_model.output_blocks.5.1.proj_out");
    }

    @Test
    void refusesWhatIsNoSd15Target() {
        assertThat(Sd15LoraNames.kohyaName("model.diffusion_model.input_blocks.1.1.transformer_blocks.0.norm1"))
                .isEmpty();
        assertThat(Sd15LoraNames.kohyaName("model.diffusion_model.input_blocks.1.0.in_layers.2")).isEmpty();
        assertThat(Sd15LoraNames.kohyaName("model.diffusion_model.input_blocks.3.1.proj_in")).isEmpty();
        assertThat(Sd15LoraNames.kohyaName("model.diffusion_model.output_blocks.2.1.conv")).isEmpty();
        assertThat(Sd15LoraNames.kohyaName("first_stage_model.encoder.mid.attn_1.q")).isEmpty();
        assertThat(Sd15LoraNames.kohyaName("cond_stage_model.transformer.text_model.embeddings.token_embedding"))
                .isEmpty();
        assertThat(Sd15LoraNames.ldmPath("lora_te1_text_model_encoder_layers_0_self_attn_q_proj")).isEmpty();
        assertThat(Sd15LoraNames.ldmPath("lora_unet_down_blocks_0_attentions_2_proj_in")).isEmpty();
        assertThat(Sd15LoraNames.ldmPath("lora_unet_down_blocks_0_resnets_0_conv1")).isEmpty();
    }

    @Test
    void findsThe264TargetsOfTheRealSd15Layout() {
        List<String> keys = sd15Keys();
        List<LoraModule> targets = Sd15LoraNames.targets(keys);

        assertThat(targets).filteredOn(m -> m.component() == LoraComponent.UNET).hasSize(192);
        assertThat(targets).filteredOn(m -> m.component() == LoraComponent.TEXT_ENCODER).hasSize(72);
        assertThat(targets).extracting(LoraModule::kohyaName).doesNotHaveDuplicates();
        for (LoraModule m : targets) {
            assertThat(keys).contains(m.weightKey());
            assertThat(Sd15LoraNames.ldmPath(m.kohyaName())).contains(m.ldmPath());
        }
        LoraModule first = targets.get(0);
        assertThat(first.downKey()).isEqualTo(first.kohyaName() + ".lora_down.weight");
        assertThat(first.upKey()).isEqualTo(first.kohyaName() + ".lora_up.weight");
        assertThat(first.alphaKey()).isEqualTo(first.kohyaName() + ".alpha");
        assertThat(LoraTensorNames.moduleOf(first.upKey())).contains(first.kohyaName());
        assertThat(LoraTensorNames.moduleOf("model.diffusion_model.out.2.weight")).isEqualTo(Optional.empty());
    }

    @Test
    void aSmallCheckpointWithTheSameBlockStructureWorksToo() {
        List<String> keys = List.of(
                "model.diffusion_model.input_blocks.1.1.proj_in.weight",
                "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight",
                "model.diffusion_model.input_blocks.1.1.transformer_blocks.1.attn1.to_q.weight", // depth 2
                "model.diffusion_model.middle_block.1.proj_out.bias",
                "cond_stage_model.transformer.text_model.encoder.layers.0.mlp.fc2.weight");
        assertThat(Sd15LoraNames.targets(keys)).extracting(LoraModule::kohyaName).containsExactly(
                "lora_unet_down_blocks_0_attentions_0_proj_in",
                "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q",
                "lora_unet_down_blocks_0_attentions_0_transformer_blocks_1_attn1_to_q",
                "lora_te_text_model_encoder_layers_0_mlp_fc2");
    }

    /** Every weight and bias of an SD 1.5 checkpoint's U-Net transformers, ResNets, samplers, CLIP and some VAE. */
    static List<String> sd15Keys() {
        List<String> keys = new ArrayList<>();
        String unet = "model.diffusion_model.";
        List<String> transformers = new ArrayList<>();
        for (int i : new int[] {1, 2, 4, 5, 7, 8}) {
            transformers.add(unet + "input_blocks." + i + ".1.");
        }
        transformers.add(unet + "middle_block.1.");
        for (int i = 3; i <= 11; i++) {
            transformers.add(unet + "output_blocks." + i + ".1.");
        }
        for (String t : transformers) {
            for (String leaf : List.of("norm", "proj_in", "proj_out", "transformer_blocks.0.norm1",
                    "transformer_blocks.0.norm2", "transformer_blocks.0.norm3", "transformer_blocks.0.ff.net.0.proj",
                    "transformer_blocks.0.ff.net.2", "transformer_blocks.0.attn1.to_out.0",
                    "transformer_blocks.0.attn2.to_out.0")) {
                keys.add(t + leaf + ".weight");
                keys.add(t + leaf + ".bias");
            }
            for (String attn : List.of("attn1", "attn2")) {
                for (String p : List.of("to_q", "to_k", "to_v")) {
                    keys.add(t + "transformer_blocks.0." + attn + "." + p + ".weight");
                }
            }
        }
        for (int i = 0; i < 12; i++) {
            keys.add(unet + "input_blocks." + i + ".0.in_layers.2.weight");
            keys.add(unet + "output_blocks." + i + ".0.out_layers.3.weight");
        }
        keys.add(unet + "input_blocks.3.0.op.weight");
        keys.add(unet + "output_blocks.2.1.conv.weight");
        keys.add(unet + "output_blocks.5.2.conv.weight");
        keys.add(unet + "time_embed.0.weight");
        String te = "cond_stage_model.transformer.text_model.";
        keys.add(te + "embeddings.token_embedding.weight");
        keys.add(te + "final_layer_norm.weight");
        for (int l = 0; l < 12; l++) {
            for (String leaf : List.of("self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.out_proj",
                    "mlp.fc1", "mlp.fc2", "layer_norm1", "layer_norm2")) {
                keys.add(te + "encoder.layers." + l + "." + leaf + ".weight");
                keys.add(te + "encoder.layers." + l + "." + leaf + ".bias");
            }
        }
        keys.add("first_stage_model.encoder.mid.attn_1.q.weight");
        keys.add("first_stage_model.decoder.conv_in.weight");
        return keys;
    }
}
