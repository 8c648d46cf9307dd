package io.atelier.sampler.comfyui;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.GenerationListener;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.SamplingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.openide.util.lookup.ServiceProvider;

/**
 * Gallery images from a ComfyUI server the user runs: any base model ComfyUI loads, with the same seed and prompt as
 * the other samplers. Settings: {@code url} (default {@value ComfySettings#DEFAULT_URL}), {@code loras} (ComfyUI's
 * {@code models/loras} folder on this machine, needed for requests with a LoRA) and {@code timeout} (seconds per
 * image, default 600).
 */
@ServiceProvider(service = ImageSampler.class)
public final class ComfyUiSampler implements ImageSampler {

    public static final String ID = "comfyui";
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(3);

    private final Duration pollEvery;

    public ComfyUiSampler() {
        this(Duration.ofMillis(300));
    }

    /** @param pollEvery how often the history is asked whether a prompt is done */
    ComfyUiSampler(Duration pollEvery) {
        this.pollEvery = pollEvery;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "ComfyUI server";
    }

    @Override
    public Set<BaseModelFamily> supportedFamilies() {
        return EnumSet.allOf(BaseModelFamily.class);
    }

    @Override
    public Optional<String> unavailable(EngineSettings settings) {
        ComfySettings s;
        try {
            s = ComfySettings.from(settings);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        Optional<String> down = notAnswering(new ComfyClient(s.base()));
        if (down.isPresent()) {
            return down;
        }
        return s.loras().filter(dir -> !Files.isDirectory(dir)).map(dir -> "ComfyUI's loras folder " + dir
                + " does not exist; set it to the models/loras folder of the ComfyUI you run");
    }

    @Override
    public void generate(List<GenerationRequest> requests, EngineSettings settings, GenerationListener listener,
            BooleanSupplier cancelled) throws SamplingException {
        ComfySettings s;
        try {
            s = ComfySettings.from(settings);
        } catch (IllegalArgumentException e) {
            throw new SamplingException(e.getMessage(), e);
        }
        ComfyClient client = new ComfyClient(s.base());
        Optional<String> down = notAnswering(client);
        if (down.isPresent()) {
            throw new SamplingException(down.get());
        }
        ImageJob job = new ImageJob(client, s, s.loras().map(LoraFolder::new).orElse(null), pollEvery, cancelled);
        for (GenerationRequest r : requests) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            try {
                if (job.run(r) == ImageJob.Outcome.CANCELLED) {
                    return;
                }
                listener.written(r, r.output());
            } catch (RequestFailure e) {
                listener.failed(r, e.getMessage());
            } catch (IOException e) {
                listener.failed(r, reason(e));
            } catch (CancellationException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Why the server does not answer {@code /system_stats}, or empty when it does. */
    private static Optional<String> notAnswering(ComfyClient client) {
        try {
            client.systemStats(STATS_TIMEOUT);
            return Optional.empty();
        } catch (IOException e) {
            // a transport failure is wrapped with the call; the bare cause reads better after "does not answer"
            String why = e.getCause() instanceof IOException cause ? ComfyClient.describe(cause) : e.getMessage();
            return Optional.of("ComfyUI does not answer at " + client.base() + ": " + why
                    + ". Start ComfyUI or set its address");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Interrupted while asking ComfyUI at " + client.base() + " whether it runs");
        }
    }

    /** An I/O problem in words: file-system exceptions carry only the file as their message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": access denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
