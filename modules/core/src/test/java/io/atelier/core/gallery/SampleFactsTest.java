package io.atelier.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.RunSpec;
import io.atelier.core.sampling.PngParameters;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFactsTest {

    @TempDir
    Path dir;

    RunSpec spec() {
        TrainingConfig c = TrainingConfig.of(Map.of("model_family", "sd15", "sample_prompts",
                "first --n bad --w 640 --h 768 --l 6 --s 20\nsecond --d 5", "sample_sampler", "ddim"));
        return new RunSpec(UUID.randomUUID(), dir, "sd-scripts", "1", c, null, dir.resolve("base.safetensors"),
                "ab".repeat(32), List.of(), Instant.now());
    }

    @Test
    void anSdScriptsSampleTakesItsPromptFromTheSpecAndItsSeedFromItsName() throws Exception {
        RunSpec spec = spec();
        Path withSeed = Files.write(dir.resolve("x_e000002_01_20261129101500_5.png"), new byte[]{1});
        SampleImage s = SampleFacts.of(spec, withSeed, 2, 40, 1, Instant.now());
        assertThat(s.prompt()).isEqualTo("second");
        assertThat(s.seed()).isEqualTo(5L);
        assertThat(s.sampler()).isEqualTo("ddim");
        assertThat(s.baseModel()).isEqualTo("base.safetensors");

        Path noSeed = Files.write(dir.resolve("x_e000002_00_20261129101500.png"), new byte[]{1});
        SampleImage t = SampleFacts.of(spec, noSeed, 2, 40, 0, Instant.now());
        assertThat(t.prompt()).isEqualTo("first");
        assertThat(t.negativePrompt()).isEqualTo("bad");
        assertThat(t.seed()).as("sd-scripts drew a seed it did not name").isNull();
        assertThat(t.width()).isEqualTo(640);
        assertThat(t.cfgScale()).isEqualTo(6);
    }

    @Test
    void aPngWithParametersIsDescribedByThem() throws Exception {
        Path png = dir.resolve("tiny_e000001_00_20261129101500_9.png");
        PngParameters.write(png, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "what was drawn\n"
                + "Negative prompt: nothing\nSteps: 12, Sampler: Euler a, CFG scale: 4.5, Seed: 9, Size: 64x128, "
                + "Model: base");
        SampleImage s = SampleFacts.of(spec(), png, 1, 10, 0, Instant.now());
        assertThat(s.prompt()).isEqualTo("what was drawn");
        assertThat(s.negativePrompt()).isEqualTo("nothing");
        assertThat(s.sampler()).isEqualTo("euler_a");
        assertThat(s.steps()).isEqualTo(12);
        assertThat(s.cfgScale()).isEqualTo(4.5);
        assertThat(s.seed()).isEqualTo(9L);
        assertThat(s.height()).isEqualTo(128);
    }

    @Test
    void aDeletedSampleIsStillDescribedFromTheSpec() {
        SampleImage s = SampleFacts.of(spec(), dir.resolve("gone_e000001_00_20261129101500_3.png"), 1, 10, 0,
                Instant.now());
        assertThat(s.prompt()).isEqualTo("first");
        assertThat(s.seed()).isEqualTo(3L);
    }
}
