package io.atelier.sampler.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.PngParameters;
import io.atelier.core.sampling.SamplePrompt;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

/**
 * Makes one gallery image on the server: finds the checkpoint and the LoRA among the files ComfyUI lists, queues the
 * workflow, polls the history until it is done, the time is up or the user cancels (then the prompt is taken out of
 * ComfyUI's queue or interrupted), and writes the image with the A1111 infotext.
 */
final class ImageJob {

    enum Outcome { WRITTEN, CANCELLED }

    private final ComfyClient client;
    private final ComfySettings settings;
    private final LoraFolder loras;
    private final Duration pollEvery;
    private final BooleanSupplier cancelled;
    // one client id per session, as ComfyUI's own front end keeps one per browser tab
    private final String clientId = UUID.randomUUID().toString();

    /** @param loras ComfyUI's loras folder, or null when it is not set */
    ImageJob(ComfyClient client, ComfySettings settings, LoraFolder loras, Duration pollEvery,
            BooleanSupplier cancelled) {
        this.client = client;
        this.settings = settings;
        this.loras = loras;
        this.pollEvery = pollEvery;
        this.cancelled = cancelled;
    }

    /**
     * @throws RequestFailure      when ComfyUI cannot make this image, saying why
     * @throws IOException         when the server cannot be talked to, naming it
     * @throws java.util.concurrent.CancellationException when cancelled while the LoRA is hashed
     */
    Outcome run(GenerationRequest r) throws IOException, InterruptedException, RequestFailure {
        String checkpoint = checkpoint(r);
        String lora = r.lora() == null ? null : lora(r);
        if (cancelled.getAsBoolean()) {
            return Outcome.CANCELLED;
        }
        SamplePrompt p = r.prompt();
        SamplerName sampler = SamplerName.forSdScripts(p.sampler().orElse(r.sampler()));
        String id = client.queue(ApiWorkflow.of(p, checkpoint, lora, r.loraStrength(), r.clipSkip(), sampler),
                clientId);
        Optional<OutputImage> image = await(id);
        if (image.isEmpty()) {
            return Outcome.CANCELLED;
        }
        BufferedImage decoded = decode(image.get());
        try {
            PngParameters.write(r.output(), decoded, GalleryInfoText.of(r, sampler).render());
        } catch (IOException e) {
            throw new RequestFailure("Cannot write " + r.output() + ": " + ComfyUiSampler.reason(e), e);
        }
        return Outcome.WRITTEN;
    }

    private String checkpoint(GenerationRequest r) throws IOException, InterruptedException, RequestFailure {
        String file = r.checkpoint().getFileName().toString();
        List<String> listed = client.choices("CheckpointLoaderSimple", "ckpt_name");
        return ServerFiles.byFileName(listed, file).orElseThrow(() -> new RequestFailure("ComfyUI at "
                + client.base() + " has no checkpoint " + file + " (it has: " + ServerFiles.sample(listed)
                + "); put it into ComfyUI's models/checkpoints folder"));
    }

    private String lora(GenerationRequest r) throws IOException, InterruptedException, RequestFailure {
        if (loras == null) {
            throw new RequestFailure("Set ComfyUI's loras folder (its models/loras) to sample the LoRA "
                    + r.lora().getFileName() + " with ComfyUI");
        }
        String staged = loras.stage(r.lora(), cancelled);
        List<String> listed = client.choices("LoraLoader", "lora_name");
        return ServerFiles.byPath(listed, staged).orElseThrow(() -> new RequestFailure("ComfyUI at "
                + client.base() + " does not list " + staged + ", copied into " + loras.root() + "; is that folder "
                + "the models/loras folder of this ComfyUI?"));
    }

    /** The finished prompt's image, or empty when the user cancelled. */
    private Optional<OutputImage> await(String id) throws IOException, InterruptedException, RequestFailure {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    client.cancel(id);
                    return Optional.empty();
                }
                Optional<JsonNode> entry = client.history(id);
                if (entry.isPresent()) {
                    HistoryEntry done = HistoryEntry.of(entry.get(), ApiWorkflow.SAVE);
                    if (done.error().isPresent()) {
                        throw new RequestFailure("ComfyUI failed: " + done.error().get());
                    }
                    return Optional.of(done.images().stream().findFirst().orElseThrow(() -> new RequestFailure(
                            "ComfyUI finished prompt " + id + " without an image from its SaveImage node")));
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut(id);
                }
                Thread.sleep(pollEvery.toMillis());
            }
        } catch (InterruptedException e) {
            // the thread is being stopped: still take the prompt off the GPU, then let the interrupt go on
            try {
                client.cancel(id);
            } catch (IOException | InterruptedException cancelFailed) {
                e.addSuppressed(cancelFailed);
            } finally {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private RequestFailure timedOut(String id) throws InterruptedException {
        String message = "ComfyUI did not finish within " + settings.timeoutText() + " s";
        try {
            client.cancel(id);
            return new RequestFailure(message);
        } catch (IOException e) {
            return new RequestFailure(message + ", and could not be told to stop prompt " + id + ": "
                    + e.getMessage(), e);
        }
    }

    private BufferedImage decode(OutputImage image) throws IOException, InterruptedException, RequestFailure {
        byte[] bytes = client.view(image);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        if (decoded == null) {
            throw new RequestFailure("ComfyUI's output " + image.filename() + " (" + bytes.length + " bytes) is not "
                    + "an image Java can read");
        }
        return decoded;
    }
}
