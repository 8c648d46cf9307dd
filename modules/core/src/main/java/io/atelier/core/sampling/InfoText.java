package io.atelier.core.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generation parameters of an image as AUTOMATIC1111's web UI writes them into a PNG's {@code parameters} text
 * chunk, which Forge, ComfyUI's loaders, Civitai and image viewers read:
 *
 * <pre>
 * a photo of mychar, smiling
 * Negative prompt: lowres, blurry
 * Steps: 28, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x512, Model hash: 6ce0161689, Model: v1-5
 * </pre>
 *
 * The last line is {@code key: value} pairs separated by {@code ", "}; a value containing a comma or a colon is
 * quoted. The prompt may span lines.
 *
 * @param settings the last line's pairs, in order
 */
public record InfoText(String prompt, String negativePrompt, Map<String, String> settings) {

    private static final String NEGATIVE = "Negative prompt: ";

    public InfoText {
        prompt = prompt == null ? "" : prompt;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The infotext of an image made from a sample prompt: A1111's keys in its order, then {@code extra} (our own keys,
     * e.g. the LoRA and the epoch, which other tools show or ignore).
     *
     * @param modelHash the checkpoint's SHA-256 (A1111 shows its first 10 characters), or null
     */
    public static InfoText of(SamplePrompt p, SamplerKind sampler, int clipSkip, String modelName, String modelHash,
            Map<String, String> extra) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("Steps", Integer.toString(p.steps()));
        s.put("Sampler", sampler.displayName());
        s.put("CFG scale", p.cfgScale() == Math.rint(p.cfgScale()) ? Long.toString((long) p.cfgScale())
                : Double.toString(p.cfgScale()));
        s.put("Seed", Integer.toString(p.seed()));
        s.put("Size", p.width() + "x" + p.height());
        if (modelHash != null && modelHash.length() >= 10) {
            s.put("Model hash", modelHash.substring(0, 10));
        }
        s.put("Model", modelName);
        if (clipSkip > 1) {
            s.put("Clip skip", Integer.toString(clipSkip));
        }
        s.putAll(extra);
        return new InfoText(p.prompt(), p.negative(), s);
    }

    public String render() {
        StringBuilder out = new StringBuilder(prompt);
        if (!negativePrompt.isEmpty()) {
            out.append('\n').append(NEGATIVE).append(negativePrompt);
        }
        List<String> pairs = new ArrayList<>();
        settings.forEach((k, v) -> pairs.add(k + ": " + quoted(v)));
        if (!pairs.isEmpty()) {
            out.append('\n').append(String.join(", ", pairs));
        }
        return out.toString();
    }

    /**
     * Reads the text back. The settings line is the last line when it has at least three {@code key: value} pairs
     * (A1111's own test); everything before {@code Negative prompt:} is the prompt.
     */
    public static InfoText parse(String text) {
        List<String> lines = new ArrayList<>(text.strip().lines().toList());
        Map<String, String> settings = Map.of();
        if (!lines.isEmpty()) {
            Map<String, String> last = pairs(lines.get(lines.size() - 1));
            if (last.size() >= 3) {
                settings = last;
                lines.remove(lines.size() - 1);
            }
        }
        StringBuilder prompt = new StringBuilder();
        StringBuilder negative = null;
        for (String line : lines) {
            if (negative == null && line.startsWith(NEGATIVE)) {
                negative = new StringBuilder(line.substring(NEGATIVE.length()));
            } else {
                StringBuilder target = negative != null ? negative : prompt;
                if (!target.isEmpty()) {
                    target.append('\n');
                }
                target.append(line);
            }
        }
        return new InfoText(prompt.toString(), negative == null ? "" : negative.toString(), settings);
    }

    /** {@code key: value, key: "quoted, value", …}; stops at the first piece that is not a pair. */
    private static Map<String, String> pairs(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            int colon = line.indexOf(": ", i);
            if (colon < 0) {
                return out;
            }
            String key = line.substring(i, colon).strip();
            if (key.isEmpty() || key.contains(",")) {
                return out;
            }
            int v = colon + 2;
            String value;
            int next;
            if (v < n && line.charAt(v) == '"') {
                StringBuilder s = new StringBuilder();
                int j = v + 1;
                while (j < n && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    s.append(line.charAt(j++));
                }
                value = s.toString();
                next = line.indexOf(", ", j);
            } else {
                next = line.indexOf(", ", v);
                value = line.substring(v, next < 0 ? n : next);
            }
            out.put(key, value.strip());
            if (next < 0) {
                break;
            }
            i = next + 2;
        }
        return out;
    }

    private static String quoted(String v) {
        if (v.contains(",") || v.contains(":") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
        }
        return v;
    }
}
