package io.atelier.core.lora;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SD 1.5 LoRA module names as sd-scripts writes them, and the LDM checkpoint module paths they adapt.
 *
 * <p>sd-scripts builds its SD 1.5 U-Net with diffusers module paths, so the kohya names use diffusers block names
 * ({@code down_blocks.b.attentions.a}, {@code mid_block.attentions.0}, {@code up_blocks.b.attentions.a}) while a
 * single-file checkpoint uses LDM ones ({@code input_blocks.i.1}, {@code middle_block.1}, {@code output_blocks.i.1});
 * inside a transformer both use the same names. Targets are the 12 Linear/1×1-conv modules of each transformer
 * ({@code proj_in}, {@code proj_out}, per block {@code attn1}/{@code attn2} {@code to_q/to_k/to_v/to_out.0},
 * {@code ff.net.0.proj}, {@code ff.net.2}) and the 6 of each CLIP layer ({@code self_attn.q/k/v/out_proj},
 * {@code mlp.fc1/fc2}).
 */
public final class Sd15LoraNames {

    public static final String UNET_LDM_PREFIX = "model.diffusion_model.";
    public static final String TE_LDM_PREFIX = "cond_stage_model.transformer.";

    // SD 1.5 has two transformers per down block and three per up block (diffusers layers_per_block = 2)
    private static final int INPUT_BLOCKS_PER_DOWN_BLOCK = 3;
    private static final int OUTPUT_BLOCKS_PER_UP_BLOCK = 3;

    private static final String INNER = "(proj_in|proj_out|transformer_blocks\\.\\d+\\.(?:attn1|attn2)\\."
            + "(?:to_q|to_k|to_v|to_out\\.0)|transformer_blocks\\.\\d+\\.ff\\.net\\.(?:0\\.proj|2))";
    private static final Pattern LDM_INPUT = Pattern.compile("input_blocks\\.(\\d+)\\.1\\." + INNER);
    private static final Pattern LDM_MIDDLE = Pattern.compile("middle_block\\.1\\." + INNER);
    private static final Pattern LDM_OUTPUT = Pattern.compile("output_blocks\\.(\\d+)\\.1\\." + INNER);
    private static final Pattern LDM_TE = Pattern.compile(
            "text_model\\.encoder\\.layers\\.\\d+\\.(?:self_attn\\.(?:q_proj|k_proj|v_proj|out_proj)|mlp\\.(?:fc1|fc2))");

    private static final String KOHYA_INNER = "(proj_in|proj_out|transformer_blocks_(\\d+)_(attn1|attn2)_"
            + "(to_q|to_k|to_v|to_out_0)|transformer_blocks_(\\d+)_ff_net_(0_proj|2))";
    private static final Pattern KOHYA_DOWN = Pattern.compile("lora_unet_down_blocks_(\\d+)_attentions_(\\d+)_"
            + KOHYA_INNER);
    private static final Pattern KOHYA_MID = Pattern.compile("lora_unet_mid_block_attentions_0_" + KOHYA_INNER);
    private static final Pattern KOHYA_UP = Pattern.compile("lora_unet_up_blocks_(\\d+)_attentions_(\\d+)_"
            + KOHYA_INNER);
    // LDM block names, as some tools write SD 1.5 LoRAs (and sd-scripts writes SDXL ones)
    private static final Pattern KOHYA_LDM_INPUT = Pattern.compile("lora_unet_input_blocks_(\\d+)_1_" + KOHYA_INNER);
    private static final Pattern KOHYA_LDM_MIDDLE = Pattern.compile("lora_unet_middle_block_1_" + KOHYA_INNER);
    private static final Pattern KOHYA_LDM_OUTPUT = Pattern.compile("lora_unet_output_blocks_(\\d+)_1_" + KOHYA_INNER);
    private static final Pattern KOHYA_TE = Pattern.compile(
            "lora_te_text_model_encoder_layers_(\\d+)_(?:self_attn_(q_proj|k_proj|v_proj|out_proj)|mlp_(fc1|fc2))");

    private Sd15LoraNames() {
    }

    /** The kohya name of an LDM module path (no {@code .weight}), or empty when the module is not a LoRA target. */
    public static Optional<String> kohyaName(String ldmPath) {
        return module(ldmPath).map(LoraModule::kohyaName);
    }

    /** Whether the LDM module path is one sd-scripts puts a LoRA module on. */
    public static boolean isTarget(String ldmPath) {
        return module(ldmPath).isPresent();
    }

    /** The LoRA module for an LDM module path, or empty when it is not a target. */
    public static Optional<LoraModule> module(String ldmPath) {
        if (ldmPath.startsWith(TE_LDM_PREFIX)) {
            String inner = ldmPath.substring(TE_LDM_PREFIX.length());
            return LDM_TE.matcher(inner).matches()
                    ? Optional.of(new LoraModule(kohya(LoraComponent.TEXT_ENCODER, inner), ldmPath,
                            LoraComponent.TEXT_ENCODER))
                    : Optional.empty();
        }
        if (!ldmPath.startsWith(UNET_LDM_PREFIX)) {
            return Optional.empty();
        }
        String path = ldmPath.substring(UNET_LDM_PREFIX.length());
        String diffusers = null;
        Matcher m;
        if ((m = LDM_INPUT.matcher(path)).matches()) {
            int i = Integer.parseInt(m.group(1));
            int attention = (i - 1) % INPUT_BLOCKS_PER_DOWN_BLOCK;
            // input block 0 is conv_in, and every third one after it a downsampler: no transformer there
            if (i >= 1 && attention < INPUT_BLOCKS_PER_DOWN_BLOCK - 1) {
                diffusers = "down_blocks." + (i - 1) / INPUT_BLOCKS_PER_DOWN_BLOCK + ".attentions." + attention + "."
                        + m.group(2);
            }
        } else if ((m = LDM_MIDDLE.matcher(path)).matches()) {
            diffusers = "mid_block.attentions.0." + m.group(1);
        } else if ((m = LDM_OUTPUT.matcher(path)).matches()) {
            int i = Integer.parseInt(m.group(1));
            diffusers = "up_blocks." + i / OUTPUT_BLOCKS_PER_UP_BLOCK + ".attentions." + i % OUTPUT_BLOCKS_PER_UP_BLOCK
                    + "." + m.group(2);
        }
        return diffusers == null ? Optional.empty()
                : Optional.of(new LoraModule(kohya(LoraComponent.UNET, diffusers), ldmPath, LoraComponent.UNET));
    }

    /**
     * The LDM module path a kohya SD 1.5 module name adapts (diffusers block names, or LDM block names as some tools
     * write them), or empty when the name is not an SD 1.5 LoRA target (an SDXL {@code lora_te1_…} name, a LoCon
     * conv, a typo).
     */
    public static Optional<String> ldmPath(String kohyaName) {
        Matcher m;
        if ((m = KOHYA_TE.matcher(kohyaName)).matches()) {
            String leaf = m.group(2) != null ? "self_attn." + m.group(2) : "mlp." + m.group(3);
            return Optional.of(TE_LDM_PREFIX + "text_model.encoder.layers." + Integer.parseInt(m.group(1)) + "." + leaf);
        }
        String block = null;
        int inner = 0;
        if ((m = KOHYA_DOWN.matcher(kohyaName)).matches()) {
            int b = Integer.parseInt(m.group(1));
            int a = Integer.parseInt(m.group(2));
            if (a < INPUT_BLOCKS_PER_DOWN_BLOCK - 1) {
                block = "input_blocks." + (INPUT_BLOCKS_PER_DOWN_BLOCK * b + a + 1) + ".1.";
            }
            inner = 3;
        } else if ((m = KOHYA_MID.matcher(kohyaName)).matches()) {
            block = "middle_block.1.";
            inner = 1;
        } else if ((m = KOHYA_UP.matcher(kohyaName)).matches()) {
            int b = Integer.parseInt(m.group(1));
            int a = Integer.parseInt(m.group(2));
            if (a < OUTPUT_BLOCKS_PER_UP_BLOCK) {
                block = "output_blocks." + (OUTPUT_BLOCKS_PER_UP_BLOCK * b + a) + ".1.";
            }
            inner = 3;
        } else if ((m = KOHYA_LDM_INPUT.matcher(kohyaName)).matches()) {
            block = "input_blocks." + Integer.parseInt(m.group(1)) + ".1.";
            inner = 2;
        } else if ((m = KOHYA_LDM_MIDDLE.matcher(kohyaName)).matches()) {
            block = "middle_block.1.";
            inner = 1;
        } else if ((m = KOHYA_LDM_OUTPUT.matcher(kohyaName)).matches()) {
            block = "output_blocks." + Integer.parseInt(m.group(1)) + ".1.";
            inner = 2;
        }
        if (block == null) {
            return Optional.empty();
        }
        String path = UNET_LDM_PREFIX + block + innerPath(m, inner);
        // the mapping must round-trip; anything else (a downsampler position) is not a transformer module
        return module(path).isPresent() ? Optional.of(path) : Optional.empty();
    }

    /** The LoRA targets among a checkpoint's tensor keys ({@code <module>.weight}), in key order. */
    public static List<LoraModule> targets(Collection<String> checkpointKeys) {
        List<LoraModule> modules = new ArrayList<>();
        for (String key : checkpointKeys) {
            if (key.endsWith(".weight")) {
                module(key.substring(0, key.length() - ".weight".length())).ifPresent(modules::add);
            }
        }
        return modules;
    }

    private static String kohya(LoraComponent component, String modulePath) {
        return component.prefix() + "_" + modulePath.replace('.', '_');
    }

    /** The dotted path inside a transformer from the KOHYA_INNER groups that start at group {@code first}. */
    private static String innerPath(Matcher m, int first) {
        String whole = m.group(first);
        if (whole.equals("proj_in") || whole.equals("proj_out")) {
            return whole;
        }
        if (m.group(first + 1) != null) {
            String leaf = m.group(first + 3).equals("to_out_0") ? "to_out.0" : m.group(first + 3);
            return "transformer_blocks." + Integer.parseInt(m.group(first + 1)) + "." + m.group(first + 2) + "." + leaf;
        }
        String ff = m.group(first + 5).equals("0_proj") ? "0.proj" : "2";
        return "transformer_blocks." + Integer.parseInt(m.group(first + 4)) + ".ff.net." + ff;
    }
}
