package io.atelier.core.lora.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnetRoleTest {

    @Test
    void readsDiffusersAndLdmNames() {
        // diffusers block names (sd-scripts' SD 1.5)
        assertThat(UnetRole.of("down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q")).isEqualTo(UnetRole.ATTENTION);
        assertThat(UnetRole.of("up_blocks_3_attentions_2_transformer_blocks_0_attn2_to_out_0")).isEqualTo(UnetRole.ATTENTION);
        assertThat(UnetRole.of("mid_block_attentions_0_transformer_blocks_0_ff_net_0_proj")).isEqualTo(UnetRole.FEED_FORWARD);
        assertThat(UnetRole.of("down_blocks_0_attentions_0_proj_in")).isEqualTo(UnetRole.PROJ);
        assertThat(UnetRole.of("down_blocks_0_resnets_0_conv1")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("down_blocks_0_downsamplers_0_conv")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("up_blocks_0_upsamplers_0_conv")).isEqualTo(UnetRole.CONV);
        // LDM block names (SDXL)
        assertThat(UnetRole.of("input_blocks_7_1_transformer_blocks_9_ff_net_2")).isEqualTo(UnetRole.FEED_FORWARD);
        assertThat(UnetRole.of("output_blocks_5_1_proj_out")).isEqualTo(UnetRole.PROJ);
        assertThat(UnetRole.of("input_blocks_1_0_in_layers_2")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("middle_block_0_emb_layers_1")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("output_blocks_3_0_skip_connection")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("input_blocks_3_0_op")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("output_blocks_2_2_conv")).isEqualTo(UnetRole.CONV);
        assertThat(UnetRole.of("time_embed_0")).isEqualTo(UnetRole.OTHER);
    }
}
