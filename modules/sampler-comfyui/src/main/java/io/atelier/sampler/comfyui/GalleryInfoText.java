package io.atelier.sampler.comfyui;

import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.InfoText;
import io.atelier.core.sampling.SamplerKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The A1111 infotext of a gallery image made by ComfyUI: A1111's keys with the sampler's A1111 name (ComfyUI has
 * samplers core's {@link SamplerKind} does not), the request's own keys in name order (its map has no order), then
 * the LoRA and its strength.
 */
final class GalleryInfoText {

    private GalleryInfoText() {
    }

    static InfoText of(GenerationRequest r, SamplerName sampler) {
        Map<String, String> extra = new LinkedHashMap<>(new TreeMap<>(r.infoExtra()));
        if (r.lora() != null) {
            extra.put("Lora", r.lora().getFileName().toString());
            extra.put("Lora strength", number(r.loraStrength()));
        }
        String file = r.checkpoint().getFileName().toString();
        String model = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        // any kind will do: its name is replaced below, in the same place
        InfoText a1111 = InfoText.of(r.prompt(), SamplerKind.EULER, r.clipSkip(), model, r.checkpointSha256(), extra);
        Map<String, String> settings = new LinkedHashMap<>(a1111.settings());
        settings.put("Sampler", sampler.infotext());
        return new InfoText(a1111.prompt(), a1111.negativePrompt(), settings);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
