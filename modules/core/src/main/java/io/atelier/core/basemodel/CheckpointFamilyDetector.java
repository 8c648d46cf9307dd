package io.atelier.core.basemodel;

import io.atelier.core.safetensors.SafetensorsHeader;
import io.atelier.core.safetensors.SafetensorsTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells SD 1.5 from SDXL-family single-file checkpoints by their tensor names, which is reliable because the two
 * use different text encoders under different key prefixes. Files that are not such checkpoints (LoRAs, SD 2.x, the
 * SDXL refiner, U-Net-only files) are refused with a message that says what they are instead.
 *
 * <p>Pony and Illustrious are fine-tunes of SDXL with identical tensor names, so they are only proposed from hints in
 * the metadata and the file name; the result says so, and the user can correct it.
 */
public final class CheckpointFamilyDetector {

    /** The LDM U-Net that SD 1.x, SD 2.x and SDXL single-file checkpoints share (SD3 and Flux have no input_blocks). */
    static final String UNET = "model.diffusion_model.input_blocks.";
    /** SD 1.x text encoder: OpenAI CLIP ViT-L in Hugging Face transformers layout. */
    static final String SD1_TEXT = "cond_stage_model.transformer.";
    /** SD 2.x text encoder: OpenCLIP ViT-H. */
    static final String SD2_TEXT = "cond_stage_model.model.";
    /** SDXL base text encoder 1: CLIP ViT-L. */
    static final String SDXL_TEXT1 = "conditioner.embedders.0.transformer.";
    /** SDXL base text encoder 2: OpenCLIP ViT-bigG. */
    static final String SDXL_TEXT2 = "conditioner.embedders.1.model.";
    /** The SDXL refiner has OpenCLIP ViT-bigG as its only embedder. */
    static final String REFINER_TEXT = "conditioner.embedders.0.model.";

    /** Metadata fields where checkpoint authors name their model. */
    static final List<String> HINT_METADATA_KEYS =
            List.of("modelspec.title", "modelspec.architecture", "modelspec.description");

    private static final Map<String, BaseModelFamily> HINT_WORDS =
            Map.of("pony", BaseModelFamily.PONY, "illustrious", BaseModelFamily.ILLUSTRIOUS);

    private CheckpointFamilyDetector() {
    }

    /**
     * The family of the checkpoint whose header this is.
     *
     * @throws UnsupportedModelFileException when the file is not an SD 1.5 or SDXL-family checkpoint; the message
     *                                       names the file and what it appears to be
     */
    public static FamilyDetection detect(SafetensorsHeader header) throws UnsupportedModelFileException {
        Path file = header.file();
        Layout layout = Layout.of(header);
        if (layout.tensorCount == 0) {
            throw new UnsupportedModelFileException(file, "contains no tensors, so it is not a checkpoint");
        }
        if (layout.lora || header.metadata().containsKey("ss_network_module")) {
            String example = layout.lora ? layout.loraName : layout.firstName;
            throw new UnsupportedModelFileException(file, "is a LoRA (keys such as '" + example
                    + "'), not a checkpoint. Choose the Stable Diffusion checkpoint to train on, e.g. "
                    + "sd_xl_base_1.0.safetensors.");
        }
        if (layout.sd2Text) {
            throw new UnsupportedModelFileException(file, "is a Stable Diffusion 2.x checkpoint (OpenCLIP ViT-H text "
                    + "encoder, " + SD2_TEXT + "*). LoRA Atelier supports SD 1.5 and SDXL-family checkpoints only.");
        }
        if (layout.unet && layout.sdxlText1 && layout.sdxlText2) {
            return sdxlFamily(header);
        }
        if (layout.unet && layout.refinerText) {
            throw new UnsupportedModelFileException(file, "is the SDXL refiner (its only text encoder is "
                    + REFINER_TEXT + "*). LoRAs are trained on an SDXL base-family checkpoint.");
        }
        if (layout.unet && layout.sd1Text) {
            return new FamilyDetection(BaseModelFamily.SD15, "SD 1.5 layout: U-Net (model.diffusion_model.*) with a "
                    + "CLIP ViT-L text encoder (" + SD1_TEXT + "*).");
        }
        if (layout.unet) {
            throw new UnsupportedModelFileException(file, "has a U-Net (model.diffusion_model.*) but no text encoder. "
                    + "Training needs a full single-file checkpoint that includes its text encoder(s).");
        }
        throw new UnsupportedModelFileException(file, "is not a recognised SD 1.5 or SDXL checkpoint: none of its "
                + layout.tensorCount + " tensors (e.g. '" + layout.firstName + "') has the layout of one (SD 1.5: "
                + "model.diffusion_model.* with " + SD1_TEXT + "*; SDXL: model.diffusion_model.* with "
                + SDXL_TEXT1 + "* and " + SDXL_TEXT2 + "*).");
    }

    private static FamilyDetection sdxlFamily(SafetensorsHeader header) {
        String layout = "SDXL layout: U-Net with CLIP ViT-L (conditioner.embedders.0) and OpenCLIP ViT-bigG "
                + "(conditioner.embedders.1) text encoders";
        Map<String, String> sources = new LinkedHashMap<>();
        Path name = header.file().getFileName();
        if (name != null) {
            sources.put("the file name", name.toString());
        }
        for (String key : HINT_METADATA_KEYS) {
            String value = header.metadata().get(key);
            if (value != null) {
                sources.put("metadata " + key, value);
            }
        }
        Set<BaseModelFamily> hinted = EnumSet.noneOf(BaseModelFamily.class);
        List<String> evidence = new ArrayList<>();
        sources.forEach((source, text) -> {
            String lower = text.toLowerCase(Locale.ROOT);
            HINT_WORDS.forEach((word, family) -> {
                if (lower.contains(word)) {
                    hinted.add(family);
                    evidence.add(source + " mentions \"" + word + "\"");
                }
            });
        });
        String because = String.join(", ", evidence);
        if (hinted.size() == 1) {
            BaseModelFamily family = hinted.iterator().next();
            return new FamilyDetection(family, layout + "; " + because + ", so " + family.displayName()
                    + " (a guess: " + family.displayName() + " cannot be told from SDXL by its tensors).");
        }
        if (hinted.size() > 1) {
            return new FamilyDetection(BaseModelFamily.SDXL, layout + "; " + because + ", which contradict each "
                    + "other, so SDXL. Choose " + hinted.stream().map(BaseModelFamily::displayName)
                    .collect(Collectors.joining(" or ")) + " by hand if it is one of them.");
        }
        return new FamilyDetection(BaseModelFamily.SDXL, layout + "; nothing in its name or metadata mentions Pony "
                + "or Illustrious, which cannot be told from SDXL by their tensors.");
    }

    /** Which of the known key prefixes the header has, gathered in one pass over the names. */
    private static final class Layout {
        int tensorCount;
        String firstName = "";
        boolean unet;
        boolean sd1Text;
        boolean sd2Text;
        boolean sdxlText1;
        boolean sdxlText2;
        boolean refinerText;
        boolean lora;
        String loraName = "";

        static Layout of(SafetensorsHeader header) {
            Layout l = new Layout();
            for (SafetensorsTensor t : header.tensors()) {
                String n = t.name();
                if (l.tensorCount++ == 0) {
                    l.firstName = n;
                }
                l.unet |= n.startsWith(UNET);
                l.sd1Text |= n.startsWith(SD1_TEXT);
                l.sd2Text |= n.startsWith(SD2_TEXT);
                l.sdxlText1 |= n.startsWith(SDXL_TEXT1);
                l.sdxlText2 |= n.startsWith(SDXL_TEXT2);
                l.refinerText |= n.startsWith(REFINER_TEXT);
                // kohya (lora_unet_*, lora_te*_*) and diffusers/PEFT (.lora_A./.lora_B.) naming
                boolean loraKey = n.startsWith("lora_unet_") || n.startsWith("lora_te") || n.contains(".lora_down.")
                        || n.contains(".lora_up.") || n.contains(".lora_A.") || n.contains(".lora_B.");
                if (loraKey && !l.lora) {
                    l.lora = true;
                    l.loraName = n;
                }
            }
            return l;
        }
    }
}
