package io.atelier.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.lora.Sd15LoraNames;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.sampling.GenerationListener;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.PngParameters;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplingException;
import ai.djl.ndarray.NDManager;
import io.atelier.engine.djl.lora.LoraConfig;
import io.atelier.engine.djl.lora.LoraModule;
import io.atelier.engine.djl.lora.LoraNetwork;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Part;
import io.atelier.testfixtures.sd15.TinyVocab;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinImageSamplerTest {

    @TempDir
    Path dir;

    final BuiltinImageSampler sampler = new BuiltinImageSampler(TinyModel.HEADS);

    /** A LoRA on every U-Net target of the tiny model, with random up weights so that it changes the image. */
    Path lora() throws Exception {
        LoraFileWriter writer = new LoraFileWriter(SafetensorsDtype.F16);
        try (NDManager manager = NDManager.newBaseManager();
             Sd15Checkpoint model = TinyModel.load(manager, Sd15Part.UNET);
             LoraNetwork network = LoraNetwork.attach(model.unet(), null, new LoraConfig(4, 4, 0, true, 5), manager)) {
            Random r = new Random(3);
            for (LoraModule m : network.modules()) {
                float[] up = new float[Math.toIntExact(m.up().size())];
                for (int i = 0; i < up.length; i++) {
                    up[i] = (float) r.nextGaussian() * 0.3f;
                }
                writer.module(Sd15LoraNames.kohyaName(m.modulePath()).orElseThrow(), m.down().toFloatArray(),
                        m.down().getShape().getShape(), up, m.up().getShape().getShape(), m.alpha());
            }
        }
        Path file = dir.resolve("mychar-000002.safetensors");
        writer.write(file, Map.of());
        return file;
    }

    GenerationRequest request(Path checkpoint, BaseModelFamily family, Path lora, double strength, String name) {
        SamplePrompt p = new SamplePrompt("hello world", "red", 64, 64, 11, 7, 4, Optional.empty());
        return new GenerationRequest(checkpoint, "cd".repeat(32), family, lora, strength, p, "euler_a", 1,
                dir.resolve("gallery").resolve(name + ".png"), Map.of("Epoch", lora == null ? "0" : "2"));
    }

    static int[] pixels(Path png) throws Exception {
        BufferedImage i = ImageIO.read(png.toFile());
        return i.getRGB(0, 0, i.getWidth(), i.getHeight(), null, 0, i.getWidth());
    }

    @Test
    void makesBaseAndLoraImagesAtStrengthsAndReportsTheRequestsItCannotMake() throws Exception {
        TinyVocab.writeVocabAndMerges(dir.resolve("tok"));
        EngineSettings settings = EngineSettings.NONE.with("tokenizer", dir.resolve("tok").toString());
        assertThat(sampler.unavailable(settings)).isEmpty();
        Path checkpoint = TinyModel.file(TinyModel.SPEC);
        Path lora = lora();
        List<GenerationRequest> requests = List.of(
                request(checkpoint, BaseModelFamily.SD15, null, 1, "base"),
                request(checkpoint, BaseModelFamily.SD15, lora, 1, "full"),
                request(checkpoint, BaseModelFamily.SD15, lora, 0.5, "half"),
                request(dir.resolve("missing.safetensors"), BaseModelFamily.SD15, null, 1, "missing"),
                request(checkpoint, BaseModelFamily.SDXL, null, 1, "xl"));
        List<String> events = new ArrayList<>();
        sampler.generate(requests, settings, new GenerationListener() {
            @Override
            public void written(GenerationRequest r, Path file) {
                events.add("written " + file.getFileName());
            }

            @Override
            public void failed(GenerationRequest r, String reason) {
                events.add("failed " + r.output().getFileName() + ": " + reason);
            }
        }, () -> false);

        // one checkpoint at a time (loaded once); the SDXL request is refused before that checkpoint loads
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).startsWith("failed xl.png").contains("SD 1.5 images only");
        assertThat(events.subList(1, 4)).containsExactly("written base.png", "written full.png", "written half.png");
        assertThat(events.get(4)).startsWith("failed missing.png").contains("missing.safetensors");
        Path gallery = dir.resolve("gallery");
        int[] base = pixels(gallery.resolve("base.png"));
        int[] full = pixels(gallery.resolve("full.png"));
        int[] half = pixels(gallery.resolve("half.png"));
        assertThat(full).isNotEqualTo(base);
        assertThat(half).isNotEqualTo(full).isNotEqualTo(base);
        assertThat(PngParameters.read(gallery.resolve("full.png")).orElseThrow())
                .startsWith("hello world\nNegative prompt: red\nSteps: 4, Sampler: Euler a, CFG scale: 7, Seed: 11, "
                        + "Size: 64x64, Model hash: cdcdcdcdcd, Model: tiny-sd15")
                .endsWith("Epoch: 2");
    }

    @Test
    void withoutTokenizerFilesItCannotStartAndSaysWhere() {
        EngineSettings settings = EngineSettings.NONE.with("tokenizer", dir.resolve("none").toString());
        assertThat(sampler.unavailable(settings)).hasValueSatisfying(m -> assertThat(m).contains("none"));
        assertThatThrownBy(() -> sampler.generate(List.of(), settings, null, () -> false))
                .isInstanceOf(SamplingException.class).hasMessageContaining("cannot start");
    }
}
