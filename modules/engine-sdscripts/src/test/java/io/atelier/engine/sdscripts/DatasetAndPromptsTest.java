package io.atelier.engine.sdscripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.engine.sdscripts.dataset.DatasetTomlWriter;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplePromptFile;
import io.atelier.engine.sdscripts.toml.TomlText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetAndPromptsTest {

    @Test
    void datasetTomlHasGeneralOneDatasetAndOneSubset() {
        String text = DatasetTomlWriter.write(BuiltInPresets.universalXl(), Path.of("D:\\lora\\my char\\dataset"),
                Optional.of("mychar"));
        assertThat(text).contains("[general]\n", "[[datasets]]\n", "[[datasets.subsets]]\n");
        ObjectNode t = TomlText.parse(text, "dataset.toml");
        assertThat(names(t)).containsExactlyInAnyOrder("general", "datasets");

        JsonNode g = t.get("general");
        assertThat(g.get("caption_extension").asText()).isEqualTo(".txt");
        assertThat(g.get("shuffle_caption").isBoolean()).isTrue();
        assertThat(g.get("keep_tokens").intValue()).isEqualTo(1);
        assertThat(g.get("resolution").isIntegralNumber()).isTrue();
        assertThat(g.get("resolution").intValue()).isEqualTo(1024);
        assertThat(g.get("batch_size").intValue()).isEqualTo(2);
        assertThat(g.get("enable_bucket").booleanValue()).isTrue();
        assertThat(g.get("max_bucket_reso").intValue()).isEqualTo(2048);
        assertThat(g.get("bucket_reso_steps").intValue()).isEqualTo(64);

        JsonNode datasets = t.get("datasets");
        assertThat(datasets.isArray()).isTrue();
        assertThat(datasets).hasSize(1);
        JsonNode subsets = datasets.get(0).get("subsets");
        assertThat(subsets).hasSize(1);
        JsonNode s = subsets.get(0);
        assertThat(s.get("image_dir").asText()).isEqualTo(Path.of("D:\\lora\\my char\\dataset").toString());
        assertThat(s.get("num_repeats").intValue()).isEqualTo(60);
        assertThat(s.get("flip_aug").booleanValue()).isFalse();
        assertThat(s.get("class_tokens").asText()).isEqualTo("mychar");
    }

    @Test
    void validationSplitGoesIntoTheDataset() {
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.VALIDATION_SPLIT, 0.1);
        JsonNode d = TomlText.parse(DatasetTomlWriter.write(c, Path.of("/d"), Optional.empty()), "x")
                .get("datasets").get(0);
        assertThat(d.get("validation_split").doubleValue()).isEqualTo(0.1);
        assertThat(d.get("validation_seed").intValue()).isEqualTo(42);
        assertThat(d.get("subsets").get(0).has("class_tokens")).isFalse();
    }

    @Test
    void promptLinesCarryEveryOption() {
        String text = SamplePromptFile.render(List.of(
                new SamplePrompt("mychar, 1girl, smiling", "lowres, blurry", 1024, 1024, 42, 7, 28,
                        Optional.of("euler_a")),
                new SamplePrompt("mychar, outdoors", "", 832, 1216, 7, 5.5, 30, Optional.empty())));
        assertThat(text).isEqualTo("mychar, 1girl, smiling --n lowres, blurry --w 1024 --h 1024 --d 42 --l 7 --s 28"
                + " --ss euler_a\n" + "mychar, outdoors --w 832 --h 1216 --d 7 --l 5.5 --s 30\n");
    }

    @Test
    void promptsFromTheConfigTakeItsSizeAndSeedUnlessTheLineSetsThem() {
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.SAMPLE_PROMPTS,
                "# comment\nmychar, smiling\n\nmychar, sitting --n bad hands --w 768 --d 5\n");
        List<SamplePrompt> prompts = SamplePromptFile.fromConfig(c);
        assertThat(prompts).hasSize(2);
        assertThat(prompts.get(0)).isEqualTo(new SamplePrompt("mychar, smiling", "", 1024, 1024, 1234,
                SamplePromptFile.DEFAULT_CFG, SamplePromptFile.DEFAULT_STEPS, Optional.empty()));
        assertThat(prompts.get(1).negative()).isEqualTo("bad hands");
        assertThat(prompts.get(1).width()).isEqualTo(768);
        assertThat(prompts.get(1).height()).isEqualTo(1024);
        assertThat(prompts.get(1).seed()).isEqualTo(5);
    }

    @Test
    void badPromptsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new SamplePrompt("a --b", "", 1024, 1024, 1, 7, 28, Optional.empty()))
                .hasMessageContaining("prompt").hasMessageContaining("--");
        assertThatThrownBy(() -> new SamplePrompt("a", "", 1020, 1024, 1, 7, 28, Optional.empty()))
                .hasMessageContaining("width").hasMessageContaining("multiple of 8");
        TrainingConfig c = BuiltInPresets.universalXl().with(Params.SAMPLE_PROMPTS, "ok\nbad --q 3");
        assertThatThrownBy(() -> SamplePromptFile.fromConfig(c)).hasMessageContaining("line 2")
                .hasMessageContaining("--q");
    }

    static java.util.List<String> names(ObjectNode t) {
        java.util.List<String> n = new java.util.ArrayList<>();
        t.fieldNames().forEachRemaining(n::add);
        return n;
    }
}
