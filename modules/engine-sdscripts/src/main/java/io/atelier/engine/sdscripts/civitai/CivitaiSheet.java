package io.atelier.engine.sdscripts.civitai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The parameters to type into Civitai's on-site trainer, as a text sheet and as JSON. The labels are the parameter
 * names of reference/workflow.md §4, which describes setting "the same parameters" on Civitai; Civitai's own field
 * labels are not in our references, so every label is marked unverified. The dataset zip is separate:
 * {@code io.atelier.imaging.export.DatasetZipExporter}.
 */
public final class CivitaiSheet {

    /** One row: the label to look for on Civitai and the value to enter. */
    public record Row(String label, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int STEP_BUDGET = 4000;

    private CivitaiSheet() {
    }

    public static List<Row> rows(TrainingConfig c) {
        List<Row> r = new ArrayList<>();
        r.add(new Row("Base model", baseModel(c.getString(Params.MODEL_FAMILY))));
        r.add(new Row("Epochs", num(c.getInt(Params.EPOCHS))));
        r.add(new Row("Num Repeats", num(c.getInt(Params.REPEATS))));
        r.add(new Row("Train Batch Size", num(c.getInt(Params.BATCH_SIZE))));
        r.add(new Row("Resolution", num(c.getInt(Params.RESOLUTION))));
        r.add(new Row("Enable Bucket", yesNo(c.getBool(Params.ENABLE_BUCKET))));
        r.add(new Row("Shuffle Tags", yesNo(c.getBool(Params.SHUFFLE_CAPTION))));
        r.add(new Row("Keep Tokens", num(c.getInt(Params.KEEP_TOKENS))));
        r.add(new Row("Clip Skip", num(c.getInt(Params.CLIP_SKIP))));
        r.add(new Row("Flip Augmentation", yesNo(c.getBool(Params.FLIP_AUG))));
        r.add(new Row("Unet LR", num(c.getDouble(Params.UNET_LR))));
        r.add(new Row("Text Encoder LR", num(c.getDouble(Params.TEXT_ENCODER_LR))));
        r.add(new Row("LR Scheduler", c.getString(Params.LR_SCHEDULER)));
        r.add(new Row("LR Scheduler Cycles", num(c.getInt(Params.LR_CYCLES))));
        r.add(new Row("Min SNR Gamma", num(c.getDouble(Params.MIN_SNR_GAMMA))));
        r.add(new Row("Network Dim", num(c.getInt(Params.NETWORK_DIM))));
        r.add(new Row("Network Alpha", num(c.getDouble(Params.NETWORK_ALPHA))));
        r.add(new Row("Noise Offset", num(c.getDouble(Params.NOISE_OFFSET))));
        r.add(new Row("Optimizer", c.getString(Params.OPTIMIZER_TYPE)));
        return r;
    }

    /**
     * The sheet as text; with the image count, the step total ({@code images × repeats × epochs ÷ batch}) and whether
     * it stays within the 4000-step budget.
     */
    public static String text(TrainingConfig c, OptionalInt imageCount) {
        StringBuilder out = new StringBuilder("Civitai trainer parameters — " + c.getString(Params.OUTPUT_NAME)
                + "\n(labels from the workflow reference; Civitai's own labels are unverified)\n\n");
        List<Row> rows = rows(c);
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        for (Row r : rows) {
            out.append(String.format("%-" + width + "s  %s%n", r.label(), r.value()));
        }
        imageCount.ifPresent(n -> out.append(String.format("%nImages %d → total steps %d (budget %d)%n", n,
                totalSteps(c, n), STEP_BUDGET)));
        out.append("\nUpload the dataset as a zip of the images and their .txt captions.\n");
        return out.toString();
    }

    public static String json(TrainingConfig c, OptionalInt imageCount) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", c.getString(Params.OUTPUT_NAME));
        root.put("labelsVerified", false);
        ArrayNode params = root.putArray("parameters");
        for (Row r : rows(c)) {
            params.addObject().put("label", r.label()).put("value", r.value());
        }
        imageCount.ifPresent(n -> root.put("images", n).put("totalSteps", totalSteps(c, n))
                .put("stepBudget", STEP_BUDGET));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Civitai sheet: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code images × repeats × epochs ÷ batch}, rounded up per epoch as sd-scripts batches. */
    public static long totalSteps(TrainingConfig c, int images) {
        long perEpoch = ((long) images * c.getInt(Params.REPEATS) + c.getInt(Params.BATCH_SIZE) - 1)
                / c.getInt(Params.BATCH_SIZE);
        return perEpoch * c.getInt(Params.EPOCHS);
    }

    private static String baseModel(String family) {
        return switch (family) {
            case "sd15" -> "SD 1.5";
            case "pony" -> "SDXL — Pony";
            case "illustrious" -> "SDXL — Illustrious";
            default -> "SDXL";
        };
    }

    private static String yesNo(boolean b) {
        return b ? "on" : "off";
    }

    private static String num(double d) {
        // Plain decimals (0.0001, not 1.0E-4): Civitai's fields take what a person types.
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? String.valueOf((long) d)
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
