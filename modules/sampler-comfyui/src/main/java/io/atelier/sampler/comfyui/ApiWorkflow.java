package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.sampling.SamplePrompt;

/**
 * The workflow for one gallery image in ComfyUI's API format ({@code {"<id>": {"class_type", "inputs"}}}, a link
 * being {@code ["<node id>", <output index>]}), with the input names of nodes.py:
 * CheckpointLoaderSimple → (LoraLoader) → CLIPSetLastLayer → CLIPTextEncode ×2, EmptyLatentImage → KSampler →
 * VAEDecode → SaveImage.
 */
final class ApiWorkflow {

    static final String CHECKPOINT = "1";
    static final String LORA = "2";
    static final String CLIP_SKIP = "3";
    static final String POSITIVE = "4";
    static final String NEGATIVE = "5";
    static final String LATENT = "6";
    static final String SAMPLER = "7";
    static final String DECODE = "8";
    static final String SAVE = "9";
    static final String FILENAME_PREFIX = "atelier";

    private ApiWorkflow() {
    }

    /**
     * @param checkpoint the checkpoint as the server lists it
     * @param lora       the LoRA as the server lists it, or null for the base model alone
     */
    static ObjectNode of(SamplePrompt p, String checkpoint, String lora, double loraStrength, int clipSkip,
            SamplerName sampler) {
        ObjectNode w = ComfyClient.JSON.createObjectNode();
        node(w, CHECKPOINT, "CheckpointLoaderSimple").put("ckpt_name", checkpoint);
        // CheckpointLoaderSimple outputs MODEL, CLIP, VAE; LoraLoader outputs MODEL, CLIP
        String modelAndClip = CHECKPOINT;
        if (lora != null) {
            ObjectNode in = node(w, LORA, "LoraLoader");
            in.set("model", link(w, CHECKPOINT, 0));
            in.set("clip", link(w, CHECKPOINT, 1));
            in.put("lora_name", lora);
            in.put("strength_model", loraStrength);
            in.put("strength_clip", loraStrength);
            modelAndClip = LORA;
        }
        ObjectNode skip = node(w, CLIP_SKIP, "CLIPSetLastLayer");
        skip.set("clip", link(w, modelAndClip, 1));
        // A1111's clip skip 2 is ComfyUI's stop at layer -2
        skip.put("stop_at_clip_layer", -clipSkip);
        text(w, POSITIVE, p.prompt());
        text(w, NEGATIVE, p.negative());
        ObjectNode latent = node(w, LATENT, "EmptyLatentImage");
        latent.put("width", p.width());
        latent.put("height", p.height());
        latent.put("batch_size", 1);
        ObjectNode k = node(w, SAMPLER, "KSampler");
        k.put("seed", p.seed());
        k.put("steps", p.steps());
        k.put("cfg", p.cfgScale());
        k.put("sampler_name", sampler.comfy());
        k.put("scheduler", "normal");
        k.put("denoise", 1.0);
        k.set("model", link(w, modelAndClip, 0));
        k.set("positive", link(w, POSITIVE, 0));
        k.set("negative", link(w, NEGATIVE, 0));
        k.set("latent_image", link(w, LATENT, 0));
        ObjectNode decode = node(w, DECODE, "VAEDecode");
        decode.set("samples", link(w, SAMPLER, 0));
        decode.set("vae", link(w, CHECKPOINT, 2));
        ObjectNode save = node(w, SAVE, "SaveImage");
        save.set("images", link(w, DECODE, 0));
        save.put("filename_prefix", FILENAME_PREFIX);
        return w;
    }

    private static void text(ObjectNode w, String id, String text) {
        ObjectNode in = node(w, id, "CLIPTextEncode");
        in.put("text", text);
        in.set("clip", link(w, CLIP_SKIP, 0));
    }

    /** Adds a node and returns its inputs. */
    private static ObjectNode node(ObjectNode w, String id, String classType) {
        ObjectNode node = w.putObject(id);
        node.put("class_type", classType);
        return node.putObject("inputs");
    }

    private static ArrayNode link(ObjectNode w, String from, int output) {
        return w.arrayNode().add(from).add(output);
    }
}
