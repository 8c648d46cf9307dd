package io.atelier.core.sampling;

import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code .txt} sample-prompt file of sd-scripts (reference §11): one prompt per line followed by
 * {@code --n negative --w W --h H --d seed --l cfg --s steps [--ss sampler]}. Every option is written, because the
 * defaults (512×512, random seed) are wrong for XL and for comparing epochs.
 */
public final class SamplePromptFile {

    /** CFG scale and steps when a prompt line does not set them; the reference's example values. */
    public static final double DEFAULT_CFG = 7.0;
    public static final int DEFAULT_STEPS = 28;

    private SamplePromptFile() {
    }

    public static String render(List<SamplePrompt> prompts) {
        StringBuilder out = new StringBuilder();
        for (SamplePrompt p : prompts) {
            out.append(p.prompt());
            if (!p.negative().isEmpty()) {
                out.append(" --n ").append(p.negative());
            }
            out.append(" --w ").append(p.width()).append(" --h ").append(p.height())
                    .append(" --d ").append(p.seed())
                    .append(" --l ").append(number(p.cfgScale()))
                    .append(" --s ").append(p.steps());
            p.sampler().ifPresent(s -> out.append(" --ss ").append(s));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The prompts of {@code sample_prompts}, one per non-blank line ({@code #} lines are comments, as in sd-scripts).
     * A line may carry its own options ({@code --n}, {@code --w}, {@code --h}, {@code --d}, {@code --l},
     * {@code --s}, {@code --ss}); the rest come from the config: the training resolution, {@code sample_seed}, the
     * sampler. {@link IllegalArgumentException} names the line.
     */
    public static List<SamplePrompt> fromConfig(TrainingConfig c) {
        try {
            return parse(c.getString(Params.SAMPLE_PROMPTS), c.getInt(Params.RESOLUTION),
                    c.getInt(Params.SAMPLE_SEED));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample_prompts " + e.getMessage(), e);
        }
    }

    /**
     * Prompt lines as sd-scripts' {@code .txt} has them, with {@code size} and {@code seed} for lines without
     * {@code --w}/{@code --h}/{@code --d}. {@link IllegalArgumentException} names the line.
     */
    public static List<SamplePrompt> parse(String text, int size, int seed) {
        List<SamplePrompt> prompts = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                prompts.add(parseLine(line, size, seed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return prompts;
    }

    private static SamplePrompt parseLine(String line, int size, int seed) {
        String[] parts = line.split(" --");
        String negative = "";
        int w = size;
        int h = size;
        int d = seed;
        double cfg = DEFAULT_CFG;
        int steps = DEFAULT_STEPS;
        Optional<String> sampler = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String opt = parts[i].strip();
            int space = opt.indexOf(' ');
            String name = (space < 0 ? opt : opt.substring(0, space)).toLowerCase(Locale.ROOT);
            String value = space < 0 ? "" : opt.substring(space + 1).strip();
            try {
                switch (name) {
                    case "n" -> negative = value;
                    case "w" -> w = Integer.parseInt(value);
                    case "h" -> h = Integer.parseInt(value);
                    case "d" -> d = Integer.parseInt(value);
                    case "l" -> cfg = Double.parseDouble(value);
                    case "s" -> steps = Integer.parseInt(value);
                    case "ss" -> sampler = Optional.of(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " \"" + value + "\" is not a number", e);
            }
        }
        return new SamplePrompt(parts[0], negative, w, h, d, cfg, steps, sampler);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
