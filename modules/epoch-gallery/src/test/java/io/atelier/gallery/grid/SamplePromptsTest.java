package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.gallery.SampleImage;
import io.atelier.core.sampling.SamplePrompt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SamplePromptsTest {

    private static final UUID RUN = UUID.randomUUID();

    private static SampleImage sample(int prompt, String text, Long seed, int second) {
        return new SampleImage(UUID.randomUUID(), RUN, Path.of("s" + prompt + "_" + second + ".png"),
                SampleImage.Source.RUN, 1, 100, prompt, text, "blurry", seed, "euler_a", 7, 28, 512, 768,
                "v1-5.safetensors", null, 1, Instant.EPOCH.plusSeconds(second));
    }

    @Test
    void theNewestSamplePerPromptIsTheTemplate() {
        List<SamplePrompt> prompts = SamplePrompts.fromSamples(List.of(sample(1, "a lighthouse", 42L, 1),
                sample(0, "a fox", 7L, 2), sample(0, "a fox, detailed", 8L, 3))).orElseThrow();
        assertThat(prompts).extracting(SamplePrompt::prompt).containsExactly("a fox, detailed", "a lighthouse");
        assertThat(prompts.get(0).seed()).isEqualTo(8);
        assertThat(prompts.get(1).width()).isEqualTo(512);
        assertThat(prompts.get(1).height()).isEqualTo(768);
        assertThat(prompts.get(1).sampler()).contains("euler_a");
    }

    @Test
    void gapsInThePromptIndicesOrUnusableSamplesGiveNone() {
        assertThat(SamplePrompts.fromSamples(List.of(sample(0, "a fox", 1L, 1), sample(2, "a boat", 1L, 2))))
                .isEmpty();
        assertThat(SamplePrompts.fromSamples(List.of(sample(0, "a --fox", 1L, 1)))).isEmpty();
        assertThat(SamplePrompts.fromSamples(List.of())).isEmpty();
    }
}
