package io.atelier.sampler.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.GenerationListener;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.InfoText;
import io.atelier.core.sampling.PngParameters;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.core.sampling.SamplingException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;

@Timeout(60)
class ComfyUiSamplerTest {

    private static final String PONY = "SDXL/ponyV6.safetensors";

    @TempDir
    Path tmp;

    private Path loras;
    private Path lora;
    private FakeComfyUi comfy;
    private final ComfyUiSampler sampler = new ComfyUiSampler(Duration.ofMillis(20));
    private final Events events = new Events();

    @BeforeEach
    void start() throws IOException {
        loras = Files.createDirectories(tmp.resolve("ComfyUI/models/loras"));
        lora = tmp.resolve("project/runs/r1/mychar-000004.safetensors");
        Files.createDirectories(lora.getParent());
        byte[] bytes = new byte[4096];
        new Random(4).nextBytes(bytes);
        Files.write(lora, bytes);
        comfy = new FakeComfyUi(List.of("v1-5-pruned-emaonly.safetensors", PONY), loras);
    }

    @AfterEach
    void stop() {
        comfy.close();
    }

    @Test
    void aLoraIsCopiedOnceAndTheWorkflowCarriesTheRequest() throws Exception {
        SamplePrompt p = new SamplePrompt("mychar, smiling", "lowres, blurry", 832, 1216, 1234, 6.5, 20,
                Optional.empty());
        GenerationRequest first = request(p, lora, 0.8, "k_euler_a", 2, "e4-p0.png");
        GenerationRequest second = request(p, lora, 0.8, "k_euler_a", 2, "e4-p1.png");

        sampler.generate(List.of(first, second), settings(), events, () -> false);

        assertThat(events.failed).isEmpty();
        assertThat(events.written).containsExactly(first.output(), second.output());
        List<Path> staged = staged();
        assertThat(staged).hasSize(1);
        String name = staged.get(0).getFileName().toString();
        assertThat(name).matches("mychar-000004-[0-9a-f]{10}\\.safetensors");
        assertThat(Files.readAllBytes(staged.get(0))).isEqualTo(Files.readAllBytes(lora));

        assertThat(comfy.clientIds).hasSize(2).allMatch(id -> id.matches("[0-9a-f-]{36}"));
        JsonNode w = comfy.workflows.get(0);
        assertThat(w.path("1").path("inputs").path("ckpt_name").asText()).isEqualTo(PONY);
        JsonNode loraNode = w.path("2");
        assertThat(loraNode.path("class_type").asText()).isEqualTo("LoraLoader");
        assertThat(loraNode.path("inputs").path("lora_name").asText()).isEqualTo("atelier/" + name);
        assertThat(loraNode.path("inputs").path("strength_model").asDouble()).isEqualTo(0.8);
        assertThat(loraNode.path("inputs").path("strength_clip").asDouble()).isEqualTo(0.8);
        assertThat(w.path("3").path("inputs").path("stop_at_clip_layer").asInt()).isEqualTo(-2);
        assertThat(w.path("3").path("inputs").path("clip").toString()).isEqualTo("[\"2\",1]");
        assertThat(w.path("4").path("inputs").path("text").asText()).isEqualTo("mychar, smiling");
        assertThat(w.path("5").path("inputs").path("text").asText()).isEqualTo("lowres, blurry");
        JsonNode latent = w.path("6").path("inputs");
        assertThat(List.of(latent.path("width").asInt(), latent.path("height").asInt(),
                latent.path("batch_size").asInt())).containsExactly(832, 1216, 1);
        JsonNode k = w.path("7").path("inputs");
        assertThat(k.path("sampler_name").asText()).isEqualTo("euler_ancestral");
        assertThat(k.path("scheduler").asText()).isEqualTo("normal");
        assertThat(k.path("seed").asLong()).isEqualTo(1234);
        assertThat(k.path("steps").asInt()).isEqualTo(20);
        assertThat(k.path("cfg").asDouble()).isEqualTo(6.5);
        assertThat(k.path("denoise").asDouble()).isEqualTo(1.0);
        assertThat(k.path("model").toString()).isEqualTo("[\"2\",0]");
        assertThat(w.path("9").path("inputs").path("filename_prefix").asText()).isEqualTo("atelier");

        BufferedImage image = ImageIO.read(first.output().toFile());
        assertThat(image.getWidth()).isEqualTo(832);
        assertThat(image.getHeight()).isEqualTo(1216);
        InfoText text = InfoText.parse(PngParameters.read(first.output()).orElseThrow());
        assertThat(text.prompt()).isEqualTo("mychar, smiling");
        assertThat(text.negativePrompt()).isEqualTo("lowres, blurry");
        assertThat(text.settings()).containsEntry("Steps", "20").containsEntry("Sampler", "Euler a")
                .containsEntry("CFG scale", "6.5").containsEntry("Seed", "1234").containsEntry("Size", "832x1216")
                .containsEntry("Model hash", "0123456789").containsEntry("Model", "ponyV6")
                .containsEntry("Clip skip", "2").containsEntry("Epoch", "4").containsEntry("Run", "r1")
                .containsEntry("Lora", "mychar-000004.safetensors").containsEntry("Lora strength", "0.8");
        assertThat(List.copyOf(text.settings().keySet())).containsSubsequence("Model", "Clip skip", "Epoch", "Run",
                "Lora", "Lora strength");

        // a later gallery with the same LoRA finds it there and copies nothing
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(staged.get(0), old);
        sampler.generate(List.of(request(p, lora, 1.0, "euler", 1, "again.png")), settings(), events, () -> false);
        assertThat(events.failed).isEmpty();
        assertThat(staged()).hasSize(1);
        assertThat(Files.getLastModifiedTime(staged.get(0))).isEqualTo(old);
    }

    @Test
    void aFileInTheLorasFolderWithOtherBytesUnderTheNameIsReplaced() throws Exception {
        GenerationRequest r = request(prompt(), lora, 1.0, "euler", 1, "a.png");
        sampler.generate(List.of(r), settings(), events, () -> false);
        Path staged = staged().get(0);
        byte[] other = Files.readAllBytes(staged);
        other[100] ^= 1;
        Files.write(staged, other);

        sampler.generate(List.of(r), settings(), events, () -> false);

        assertThat(events.failed).isEmpty();
        assertThat(Files.readAllBytes(staged)).isEqualTo(Files.readAllBytes(lora));
    }

    @Test
    void anotherLoraOfTheSameNameGetsItsOwnFile() throws Exception {
        Path otherRun = tmp.resolve("project/runs/r2/mychar-000004.safetensors");
        Files.createDirectories(otherRun.getParent());
        Files.write(otherRun, new byte[] {1, 2, 3});
        sampler.generate(List.of(request(prompt(), lora, 1.0, "euler", 1, "r1.png"),
                request(prompt(), otherRun, 1.0, "euler", 1, "r2.png")), settings(), events, () -> false);

        assertThat(events.failed).isEmpty();
        assertThat(staged()).hasSize(2);
        assertThat(comfy.workflows.get(0).path("2").path("inputs").path("lora_name").asText())
                .isNotEqualTo(comfy.workflows.get(1).path("2").path("inputs").path("lora_name").asText());
    }

    @Test
    void theBaseModelAloneHasNoLoraLoader() throws Exception {
        GenerationRequest r = request(prompt(), null, 1.0, "ddim", 1, "base.png");

        sampler.generate(List.of(r), settings(), events, () -> false);

        assertThat(events.failed).isEmpty();
        assertThat(events.written).containsExactly(r.output());
        ObjectNode w = comfy.workflows.get(0);
        List<String> classes = new ArrayList<>();
        w.forEach(n -> classes.add(n.path("class_type").asText()));
        assertThat(classes).containsExactly("CheckpointLoaderSimple", "CLIPSetLastLayer", "CLIPTextEncode",
                "CLIPTextEncode", "EmptyLatentImage", "KSampler", "VAEDecode", "SaveImage");
        assertThat(w.path("3").path("inputs").path("clip").toString()).isEqualTo("[\"1\",1]");
        assertThat(w.path("3").path("inputs").path("stop_at_clip_layer").asInt()).isEqualTo(-1);
        assertThat(w.path("7").path("inputs").path("model").toString()).isEqualTo("[\"1\",0]");
        assertThat(w.path("7").path("inputs").path("sampler_name").asText()).isEqualTo("ddim");
        assertThat(staged()).isEmpty();
        InfoText text = InfoText.parse(PngParameters.read(r.output()).orElseThrow());
        assertThat(text.settings()).containsEntry("Sampler", "DDIM").doesNotContainKeys("Lora", "Clip skip");
    }

    @Test
    void aPromptsOwnSamplerWins() throws Exception {
        SamplePrompt p = new SamplePrompt("mychar", "", 512, 512, 7, 7, 4, Optional.of("dpmsolver++"));
        sampler.generate(List.of(request(p, null, 1.0, "euler_a", 1, "x.png")), settings(), events, () -> false);

        assertThat(comfy.workflows.get(0).path("7").path("inputs").path("sampler_name").asText())
                .isEqualTo("dpmpp_2m");
        assertThat(InfoText.parse(PngParameters.read(tmp.resolve("gallery/x.png")).orElseThrow()).settings())
                .containsEntry("Sampler", "DPM++ 2M");
    }

    @Test
    void aCheckpointTheServerLacksFailsThatRequestAndTheNextOneRuns() throws Exception {
        GenerationRequest missing = new GenerationRequest(Path.of("/models/illustriousXL.safetensors"), null,
                BaseModelFamily.ILLUSTRIOUS, null, 1.0, prompt(), "euler", 1, tmp.resolve("gallery/m.png"), Map.of());
        GenerationRequest next = request(prompt(), null, 1.0, "euler", 1, "n.png");

        sampler.generate(List.of(missing, next), settings(), events, () -> false);

        assertThat(events.failed).hasSize(1);
        assertThat(events.failed.get(0)).startsWith(missing.output() + ": ComfyUI at " + comfy.url()
                + " has no checkpoint illustriousXL.safetensors (it has: v1-5-pruned-emaonly.safetensors, " + PONY
                + ")");
        assertThat(events.written).containsExactly(next.output());
        assertThat(Files.exists(missing.output())).isFalse();
    }

    @Test
    void aWorkflowTheServerRefusesFailsWithItsNodeError() throws Exception {
        // ComfyUI's CLIPSetLastLayer stops at layer -24 at most
        GenerationRequest refused = request(prompt(), null, 1.0, "euler", 30, "r.png");
        GenerationRequest next = request(prompt(), null, 1.0, "euler", 2, "n.png");

        sampler.generate(List.of(refused, next), settings(), events, () -> false);

        assertThat(events.failed).containsExactly(refused.output() + ": ComfyUI refused the workflow: "
                + "CLIPSetLastLayer: Value -30 smaller than min of -24: stop_at_clip_layer");
        assertThat(events.written).containsExactly(next.output());
    }

    @Test
    void anErrorWhileRunningFailsWithTheNodeAndItsMessage() throws Exception {
        comfy.finish = FakeComfyUi.Finish.ERROR;
        GenerationRequest r = request(prompt(), lora, 1.0, "euler", 1, "e.png");

        sampler.generate(List.of(r), settings(), events, () -> false);

        assertThat(events.failed).containsExactly(r.output() + ": ComfyUI failed: KSampler: CUDA out of memory. "
                + "Tried to allocate 2.00 GiB");
        assertThat(events.written).isEmpty();
        assertThat(Files.exists(r.output())).isFalse();
    }

    @Test
    void aPromptThatNeverFinishesTimesOutAndIsTakenOffTheServer() throws Exception {
        comfy.finish = FakeComfyUi.Finish.NEVER;
        GenerationRequest slow = request(prompt(), null, 1.0, "euler", 1, "slow.png");
        GenerationRequest next = request(prompt(), null, 1.0, "euler", 1, "next.png");

        sampler.generate(List.of(slow, next), settings().with("timeout", "0.3"), events, () -> false);

        assertThat(events.failed).containsExactly(slow.output() + ": ComfyUI did not finish within 0.3 s",
                next.output() + ": ComfyUI did not finish within 0.3 s");
        assertThat(comfy.deleted).hasSize(2).containsExactlyInAnyOrderElementsOf(comfy.promptIds());
        assertThat(comfy.interrupted).containsExactlyInAnyOrderElementsOf(comfy.promptIds());
    }

    @Test
    void aServerThatIsDownStopsEverythingBeforeAnyRequest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EngineSettings down = EngineSettings.NONE.with("url", "http://127.0.0.1:" + port + "/");
        String expected = "ComfyUI does not answer at http://127.0.0.1:" + port + ": connection refused. Start "
                + "ComfyUI or set its address";

        assertThat(sampler.unavailable(down)).contains(expected);
        assertThatThrownBy(() -> sampler.generate(List.of(request(prompt(), null, 1.0, "euler", 1, "d.png")), down,
                events, () -> false)).isInstanceOf(SamplingException.class).hasMessage(expected);
        assertThat(events.written).isEmpty();
        assertThat(events.failed).isEmpty();
        assertThat(sampler.unavailable(settings())).isEmpty();
    }

    @Test
    void cancellingWhilePollingTakesThePromptOffAndStops() throws Exception {
        comfy.finish = FakeComfyUi.Finish.NEVER;
        GenerationRequest running = request(prompt(), null, 1.0, "euler", 1, "c1.png");
        GenerationRequest after = request(prompt(), null, 1.0, "euler", 1, "c2.png");

        sampler.generate(List.of(running, after), settings(), events,
                () -> comfy.historyPolls.values().stream().anyMatch(n -> n >= 2));

        assertThat(comfy.workflows).hasSize(1);
        String id = comfy.promptIds().get(0);
        assertThat(comfy.deleted).containsExactly(id);
        assertThat(comfy.interrupted).containsExactly(id);
        assertThat(events.written).isEmpty();
        assertThat(events.failed).isEmpty();
    }

    @Test
    void cancellingBeforeTheFirstRequestQueuesNothing() throws Exception {
        sampler.generate(List.of(request(prompt(), lora, 1.0, "euler", 1, "c.png")), settings(), events, () -> true);

        assertThat(comfy.workflows).isEmpty();
        assertThat(staged()).isEmpty();
        assertThat(events.written).isEmpty();
    }

    @Test
    void aLoraWithoutTheLorasFolderSetFailsSayingWhatToSet() throws Exception {
        GenerationRequest r = request(prompt(), lora, 1.0, "euler", 1, "l.png");
        GenerationRequest base = request(prompt(), null, 1.0, "euler", 1, "b.png");

        sampler.generate(List.of(r, base), EngineSettings.NONE.with("url", comfy.url()), events, () -> false);

        assertThat(events.failed).containsExactly(r.output() + ": Set ComfyUI's loras folder (its models/loras) to "
                + "sample the LoRA mychar-000004.safetensors with ComfyUI");
        assertThat(events.written).containsExactly(base.output());
    }

    @Test
    void aLorasFolderTheServerDoesNotReadIsNamed() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("not-comfy/loras"));
        GenerationRequest r = request(prompt(), lora, 1.0, "euler", 1, "l.png");

        sampler.generate(List.of(r), settings().with("loras", elsewhere.toString()), events, () -> false);

        assertThat(events.failed).hasSize(1);
        assertThat(events.failed.get(0)).contains("does not list atelier/mychar-000004-", "copied into " + elsewhere,
                "is that folder the models/loras folder of this ComfyUI?");
    }

    @Test
    void aPickleLoraIsRefused() throws Exception {
        Path ckpt = Files.write(tmp.resolve("old.ckpt"), new byte[] {1});
        GenerationRequest r = request(prompt(), ckpt, 1.0, "euler", 1, "p.png");

        sampler.generate(List.of(r), settings(), events, () -> false);

        assertThat(events.failed).hasSize(1);
        assertThat(events.failed.get(0)).contains("old.ckpt is a pickle-based checkpoint (.ckpt)");
        assertThat(staged()).isEmpty();
    }

    @Test
    void badSettingsAreNamed() {
        assertThat(sampler.unavailable(settings().with("timeout", "ten"))).contains(
                "ComfyUI timeout \"ten\" is not a number of seconds");
        assertThat(sampler.unavailable(settings().with("timeout", "-1"))).contains(
                "ComfyUI timeout -1 must be a positive number of seconds");
        assertThat(sampler.unavailable(EngineSettings.NONE.with("url", "ftp://host"))).contains(
                "ComfyUI address \"ftp://host\" is not an http:// address (e.g. http://127.0.0.1:8188)");
        Path missing = tmp.resolve("nowhere");
        assertThat(sampler.unavailable(settings().with("loras", missing.toString()))).contains(
                "ComfyUI's loras folder " + missing + " does not exist; set it to the models/loras folder of the "
                        + "ComfyUI you run");
    }

    @Test
    void theSamplerIsFoundThroughLookup() {
        assertThat(Lookup.getDefault().lookupAll(ImageSampler.class)).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("comfyui");
            assertThat(s.name()).isEqualTo("ComfyUI server");
            assertThat(s.supportedFamilies()).containsExactlyInAnyOrder(BaseModelFamily.values());
        });
    }

    private EngineSettings settings() {
        return EngineSettings.NONE.with("url", comfy.url()).with("loras", loras.toString());
    }

    private List<Path> staged() throws IOException {
        Path dir = loras.resolve("atelier");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static SamplePrompt prompt() {
        return new SamplePrompt("mychar", "", 512, 768, 42, 7, 4, Optional.empty());
    }

    private GenerationRequest request(SamplePrompt p, Path lora, double strength, String samplerName, int clipSkip,
            String output) {
        return new GenerationRequest(Path.of("/models/checkpoints/ponyV6.safetensors"), "0123456789abcdef",
                BaseModelFamily.PONY, lora, strength, p, samplerName, clipSkip, tmp.resolve("gallery").resolve(output),
                Map.of("Run", "r1", "Epoch", "4"));
    }

    /** What the sampler told, as "file" and "file: reason". */
    private static final class Events implements GenerationListener {

        final List<Path> written = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();

        @Override
        public void written(GenerationRequest request, Path file) {
            written.add(file);
        }

        @Override
        public void failed(GenerationRequest request, String reason) {
            failed.add(request.output() + ": " + reason);
        }
    }
}
