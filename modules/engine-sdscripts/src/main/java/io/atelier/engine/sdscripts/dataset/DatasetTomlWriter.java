package io.atelier.engine.sdscripts.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the {@code --dataset_config} TOML (reference §4.1): one {@code [[datasets]]} with one DreamBooth-style
 * {@code [[datasets.subsets]]} whose {@code image_dir} is the project's dataset folder (images and {@code .txt}
 * captions side by side). Dataset-level and caption settings go into {@code [general]}; repeats and augmentation into
 * the subset. {@code caption_extension} is always written: sd-scripts' default {@code .caption} would find no
 * captions at all.
 */
public final class DatasetTomlWriter {

    private DatasetTomlWriter() {
    }

    /**
     * @param imageDir    the folder that directly holds the images (sd-scripts does not read a {@code 50_name} prefix
     *                    here)
     * @param classTokens the caption of images without a caption file (the trigger word), or empty
     */
    public static String write(TrainingConfig c, Path imageDir, Optional<String> classTokens) {
        Objects.requireNonNull(imageDir, "imageDir");
        StringBuilder out = new StringBuilder();
        out.append(TomlText.section("[general]", general(c)));
        out.append('\n').append(TomlText.section("[[datasets]]", dataset(c)));
        out.append('\n').append(TomlText.section("[[datasets.subsets]]", subset(c, imageDir, classTokens)));
        return out.toString();
    }

    static ObjectNode general(TrainingConfig c) {
        ObjectNode g = TomlText.table();
        g.put("shuffle_caption", c.getBool(Params.SHUFFLE_CAPTION));
        g.put("keep_tokens", c.getInt(Params.KEEP_TOKENS));
        g.put("caption_extension", c.getString(Params.CAPTION_EXTENSION));
        g.put("resolution", c.getInt(Params.RESOLUTION));
        g.put("batch_size", c.getInt(Params.BATCH_SIZE));
        g.put("enable_bucket", c.getBool(Params.ENABLE_BUCKET));
        g.put("min_bucket_reso", c.getInt(Params.MIN_BUCKET_RESO));
        g.put("max_bucket_reso", c.getInt(Params.MAX_BUCKET_RESO));
        g.put("bucket_reso_steps", c.getInt(Params.BUCKET_STEPS));
        g.put("bucket_no_upscale", c.getBool(Params.BUCKET_NO_UPSCALE));
        return g;
    }

    static ObjectNode dataset(TrainingConfig c) {
        ObjectNode d = TomlText.table();
        if (c.getDouble(Params.VALIDATION_SPLIT) > 0) {
            d.put("validation_split", c.getDouble(Params.VALIDATION_SPLIT));
            d.put("validation_seed", c.getInt(Params.VALIDATION_SEED));
        }
        return d;
    }

    static ObjectNode subset(TrainingConfig c, Path imageDir, Optional<String> classTokens) {
        ObjectNode s = TomlText.table();
        s.put("image_dir", imageDir.toString());
        s.put("num_repeats", c.getInt(Params.REPEATS));
        s.put("flip_aug", c.getBool(Params.FLIP_AUG));
        classTokens.filter(t -> !t.isBlank()).ifPresent(t -> s.put("class_tokens", t));
        return s;
    }
}
