package io.atelier.engine.djl.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplerKind;
import io.atelier.engine.djl.TinyModel;
import io.atelier.engine.djl.tokenizer.ClipTokenizer;
import io.atelier.testfixtures.sd15.TinyVocab;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Sd15SamplerTest {

    @TempDir
    static Path dir;
    static SampleSession session;

    @BeforeAll
    static void open() throws Exception {
        TinyVocab.writeVocabAndMerges(dir.resolve("tok"));
        ClipTokenizer tokenizer = ClipTokenizer.fromVocabAndMerges(dir.resolve("tok/vocab.json"),
                dir.resolve("tok/merges.txt"));
        session = SampleSession.open(Engine.getEngine("PyTorch"), Device.cpu(), TinyModel.file(TinyModel.SPEC),
                TinyModel.HEADS, tokenizer);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    static SamplePrompt prompt(int seed, double cfg) {
        return new SamplePrompt("hello world", "red", 64, 128, seed, cfg, 6, Optional.empty());
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @ParameterizedTest
    @EnumSource(SamplerKind.class)
    void theSameSeedGivesTheSameImageAndAnotherSeedAnotherOne(SamplerKind kind) {
        List<Integer> steps = new ArrayList<>();
        BufferedImage a = session.sample(prompt(42, 7), kind, 1, () -> false, steps::add);
        BufferedImage b = session.sample(prompt(42, 7), kind, 1, () -> false, s -> { });
        BufferedImage c = session.sample(prompt(43, 7), kind, 1, () -> false, s -> { });
        assertThat(a.getWidth()).isEqualTo(64);
        assertThat(a.getHeight()).isEqualTo(128);
        assertThat(steps).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(pixels(b)).isEqualTo(pixels(a));
        assertThat(pixels(c)).isNotEqualTo(pixels(a));
        // a real picture: not one flat colour
        assertThat(java.util.Arrays.stream(pixels(a)).distinct().count()).isGreaterThan(100);
    }

    @Test
    void guidanceAndSamplerChangeTheImage() {
        int[] cfg7 = pixels(session.sample(prompt(5, 7), SamplerKind.EULER, 1, () -> false, s -> { }));
        int[] cfg1 = pixels(session.sample(prompt(5, 1), SamplerKind.EULER, 1, () -> false, s -> { }));
        int[] ddim = pixels(session.sample(prompt(5, 7), SamplerKind.DDIM, 1, () -> false, s -> { }));
        int[] clipSkip2 = pixels(session.sample(prompt(5, 7), SamplerKind.EULER, 2, () -> false, s -> { }));
        assertThat(cfg1).isNotEqualTo(cfg7);
        assertThat(ddim).isNotEqualTo(cfg7);
        assertThat(clipSkip2).isNotEqualTo(cfg7);
    }

    @Test
    void aStopBetweenStepsCancelsAndASizeTheUnetCannotTakeIsRefused() {
        int[] calls = {0};
        assertThatThrownBy(() -> session.sample(prompt(1, 7), SamplerKind.EULER_A, 1, () -> ++calls[0] > 2,
                s -> { })).isInstanceOf(CancellationException.class);
        assertThat(calls[0]).isEqualTo(3);
        SamplePrompt odd = new SamplePrompt("hello", "", 72, 64, 1, 7, 4, Optional.empty());
        assertThatThrownBy(() -> session.sample(odd, SamplerKind.EULER, 1, () -> false, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("72x64")
                .hasMessageContaining("multiples of 64");
    }
}
