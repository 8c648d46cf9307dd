package io.atelier.core.lora.inspect;

import io.atelier.core.basemodel.BaseModelFamily;
import java.util.List;

/**
 * What a LoRA says about the model it was trained on: the metadata as written, and a family guessed from the keys
 * with the evidence that decided it.
 *
 * @param baseModelVersion {@code ss_base_model_version}, e.g. {@code sdxl_base_v1-0}, {@code sd_v1}
 * @param sdModelName      {@code ss_sd_model_name}, the base checkpoint's file name
 * @param sdModelHash      {@code ss_sd_model_hash}, A1111's legacy 8-hex hash
 * @param newSdModelHash   {@code ss_new_sd_model_hash}, the checkpoint's full SHA-256
 * @param architecture     {@code modelspec.architecture}, e.g. {@code stable-diffusion-xl-v1-base/lora}
 * @param family           the family guessed from the keys (Pony/Illustrious from {@code ss_sd_model_name}), or
 *                         from the metadata when the keys tell nothing; null when nothing tells, or for SD 2.x
 * @param evidence         one line per fact the guess used, e.g. "text encoder keys lora_te1_ and lora_te2_"
 */
public record BaseModelReport(String baseModelVersion, String sdModelName, String sdModelHash, String newSdModelHash,
                              String architecture, BaseModelFamily family, List<String> evidence) {

    public BaseModelReport {
        evidence = List.copyOf(evidence);
    }
}
