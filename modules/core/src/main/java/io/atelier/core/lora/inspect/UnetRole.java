package io.atelier.core.lora.inspect;

import java.util.regex.Pattern;

/**
 * Where in the U-Net a module sits, from its name: the transformer's attention, feed-forward and projections, or the
 * convolutions of ResNet blocks and down/up-samplers (which only LoCon-style networks adapt). Both the diffusers
 * block names (sd-scripts' SD 1.5) and the LDM ones (SDXL) are read.
 */
public enum UnetRole {
    ATTENTION, FEED_FORWARD, PROJ, CONV, OTHER;

    private static final Pattern ATTN = Pattern.compile("(?:^|_)attn\\d_");
    private static final Pattern FF = Pattern.compile("(?:^|_)ff_net_");
    private static final Pattern PROJ_IN_OUT = Pattern.compile("(?:^|_)proj_(?:in|out)$");
    private static final Pattern CONVS = Pattern.compile("(?:^|_)(?:resnets|downsamplers|upsamplers|in_layers"
            + "|out_layers|emb_layers|skip_connection|conv_in|conv_out|conv_shortcut|time_emb_proj|conv|conv1|conv2"
            + "|op)(?:_|$)|^input_blocks_0_0$|^out_2$");

    /** The role of a U-Net module, given its name without {@code lora_unet_}. */
    public static UnetRole of(String innerName) {
        if (ATTN.matcher(innerName).find()) {
            return ATTENTION;
        }
        if (FF.matcher(innerName).find()) {
            return FEED_FORWARD;
        }
        if (PROJ_IN_OUT.matcher(innerName).find()) {
            return PROJ;
        }
        return CONVS.matcher(innerName).find() ? CONV : OTHER;
    }
}
