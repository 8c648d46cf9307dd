package io.atelier.core.lora.inspect;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.lora.Sd15LoraNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the base model a LoRA was trained for from its keys and shapes, which cannot be wrong the way metadata
 * can: SDXL has two text encoders ({@code lora_te1_}, {@code lora_te2_}), SD 1.x one; the width of the U-Net's
 * cross-attention keys is the text context (768 SD 1.x, 1024 SD 2.x, 2048 SDXL); sd-scripts names SD 1.5 U-Net
 * modules with diffusers blocks and SDXL's with LDM ones, whose transformers are deeper. The metadata is compared
 * with the guess, and used only when the keys tell nothing.
 */
final class FamilyGuess {

    /** A vote for an architecture: SD 1.x, SD 2.x or SDXL, with the fact behind it. */
    private enum Arch { SD1, SD2, SDXL }

    private record Vote(Arch arch, String evidence) {
    }

    private static final Pattern CROSS_ATTENTION_KEY = Pattern.compile("_attn2_to_[kv]$");
    private static final Pattern DEEP_BLOCK = Pattern.compile("_transformer_blocks_([1-9]\\d*)_");
    private static final Pattern SD1_ONLY_LDM = Pattern.compile("^lora_unet_(?:input_blocks_[12]_1|"
            + "output_blocks_(?:[6-9]|1[01])_1)_");
    /** sd-scripts names SD 1.5 U-Net modules with diffusers blocks (SDXL's with LDM ones). */
    private static final Pattern DIFFUSERS_BLOCK = Pattern.compile("^lora_unet_(?:down_blocks|mid_block|up_blocks)_");
    private static final Map<String, BaseModelFamily> HINT_WORDS =
            Map.of("pony", BaseModelFamily.PONY, "illustrious", BaseModelFamily.ILLUSTRIOUS);

    private FamilyGuess() {
    }

    static BaseModelReport of(List<ScannedModule> modules, MetadataValues metadata) {
        List<Vote> votes = new ArrayList<>();
        textEncoderVote(modules).ifPresent(votes::add);
        unetVote(modules).ifPresent(votes::add);
        List<String> evidence = new ArrayList<>(votes.stream().map(Vote::evidence).toList());
        Arch fromKeys = votes.isEmpty() ? null : votes.get(0).arch();
        if (votes.stream().anyMatch(v -> v.arch() != votes.get(0).arch())) {
            metadata.problem(null, "the keys point at different base models: " + String.join("; ", evidence));
            fromKeys = null;
        }
        String version = metadata.text("ss_base_model_version");
        String architecture = metadata.text("modelspec.architecture");
        Arch fromMetadata = metadataArch(version, architecture);
        Arch arch = fromKeys;
        if (fromKeys != null && fromMetadata != null && fromKeys != fromMetadata) {
            metadata.problem("ss_base_model_version", "the metadata says " + name(fromMetadata)
                    + " (ss_base_model_version " + version + ", modelspec.architecture " + architecture
                    + ") but the keys say " + name(fromKeys));
        }
        if (votes.isEmpty() && fromMetadata != null) {
            arch = fromMetadata;
            evidence.add("no key tells the base model; the metadata says " + name(fromMetadata)
                    + (version != null ? " (ss_base_model_version " + version + ")"
                    : " (modelspec.architecture " + architecture + ")"));
        }
        if (arch == null && evidence.isEmpty()) {
            evidence.add("neither the keys nor the metadata tell the base model");
        }
        String modelName = metadata.text("ss_sd_model_name");
        BaseModelFamily family = arch == null ? null : switch (arch) {
            case SD1 -> BaseModelFamily.SD15;
            case SDXL -> sdxlFamily(modelName, evidence);
            case SD2 -> null;
        };
        return new BaseModelReport(version, modelName, metadata.text("ss_sd_model_hash"),
                metadata.text("ss_new_sd_model_hash"), architecture, family, evidence);
    }

    private static Optional<Vote> textEncoderVote(List<ScannedModule> modules) {
        boolean te1 = ModuleScan.first(modules, ModulePart.TEXT_ENCODER_1).isPresent();
        boolean te2 = ModuleScan.first(modules, ModulePart.TEXT_ENCODER_2).isPresent();
        if (te1 || te2) {
            return Optional.of(new Vote(Arch.SDXL, "text encoder keys " + (te1 && te2 ? "lora_te1_ and lora_te2_"
                    : te1 ? "lora_te1_" : "lora_te2_") + ": SDXL's two text encoders"));
        }
        return ModuleScan.first(modules, ModulePart.TEXT_ENCODER).map(m -> {
            Long width = modules.stream().filter(x -> x.part() == ModulePart.TEXT_ENCODER && x.inputWidth() != null
                    && x.name().endsWith("_q_proj")).map(ScannedModule::inputWidth).findFirst().orElse(null);
            if (width != null && width == 1024) {
                return new Vote(Arch.SD2, "text encoder keys lora_te_ 1024 wide: SD 2.x's OpenCLIP ViT-H");
            }
            return new Vote(Arch.SD1, "text encoder keys lora_te_" + (width == null ? "" : " " + width + " wide")
                    + ": one CLIP text encoder, SD 1.x");
        });
    }

    private static Optional<Vote> unetVote(List<ScannedModule> modules) {
        List<ScannedModule> unet = modules.stream().filter(m -> m.part() == ModulePart.UNET).toList();
        for (ScannedModule m : unet) {
            if (m.inputWidth() != null && CROSS_ATTENTION_KEY.matcher(m.name()).find()) {
                Arch arch = switch (m.inputWidth().intValue()) {
                    case 768 -> Arch.SD1;
                    case 1024 -> Arch.SD2;
                    case 2048 -> Arch.SDXL;
                    default -> null;
                };
                if (arch != null) {
                    return Optional.of(new Vote(arch, "U-Net cross-attention keys (" + m.name() + ") take "
                            + m.inputWidth() + "-wide text context: " + name(arch)));
                }
            }
        }
        for (ScannedModule m : unet) {
            Matcher deep = DEEP_BLOCK.matcher(m.name());
            if (deep.find()) {
                return Optional.of(new Vote(Arch.SDXL, "U-Net keys with transformer block " + deep.group(1) + " ("
                        + m.name() + "): SD 1.x transformers have one block, SDXL's up to ten"));
            }
        }
        for (ScannedModule m : unet) {
            boolean diffusersSd15 = DIFFUSERS_BLOCK.matcher(m.name()).find()
                    && Sd15LoraNames.ldmPath(m.name()).isPresent();
            if (diffusersSd15 || SD1_ONLY_LDM.matcher(m.name()).find()) {
                return Optional.of(new Vote(Arch.SD1, "U-Net keys with SD 1.5 module names (" + m.name() + ")"));
            }
        }
        return Optional.empty();
    }

    private static Arch metadataArch(String version, String architecture) {
        String v = version == null ? "" : version.toLowerCase(Locale.ROOT);
        String a = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
        if (v.startsWith("sdxl") || a.startsWith("stable-diffusion-xl")) {
            return Arch.SDXL;
        }
        if (v.startsWith("sd_v2") || a.startsWith("stable-diffusion-v2")) {
            return Arch.SD2;
        }
        if (v.startsWith("sd_v1") || a.startsWith("stable-diffusion-v1")) {
            return Arch.SD1;
        }
        return null;
    }

    /** Pony and Illustrious have SDXL's keys; only the base checkpoint's name can hint at them. */
    private static BaseModelFamily sdxlFamily(String modelName, List<String> evidence) {
        if (modelName != null) {
            String lower = modelName.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, BaseModelFamily> hint : HINT_WORDS.entrySet()) {
                if (lower.contains(hint.getKey())) {
                    evidence.add("ss_sd_model_name " + modelName + " mentions \"" + hint.getKey() + "\"");
                    return hint.getValue();
                }
            }
        }
        return BaseModelFamily.SDXL;
    }

    private static String name(Arch arch) {
        return switch (arch) {
            case SD1 -> "SD 1.x";
            case SD2 -> "SD 2.x";
            case SDXL -> "SDXL";
        };
    }
}
