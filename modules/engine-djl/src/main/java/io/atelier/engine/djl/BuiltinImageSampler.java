package io.atelier.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.GenerationListener;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.InfoText;
import io.atelier.core.sampling.PngParameters;
import io.atelier.core.sampling.SamplerKind;
import io.atelier.core.sampling.SamplingException;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.run.DjlRuntime;
import io.atelier.engine.djl.sampling.SampleSession;
import io.atelier.engine.djl.tokenizer.ClipTokenizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.openide.util.lookup.ServiceProvider;

/**
 * The gallery's built-in sampler: SD 1.5 checkpoints on DJL, in this JVM. Each checkpoint is loaded once for all its
 * requests, and a LoRA file is applied again only when the next request names another file or strength. Its settings
 * are the built-in engine's ({@code tokenizer}).
 */
@ServiceProvider(service = ImageSampler.class)
public final class BuiltinImageSampler implements ImageSampler {

    private final Sd15Heads heads;

    public BuiltinImageSampler() {
        this(Sd15Heads.SD15);
    }

    /** With other head counts: for small test checkpoints. */
    BuiltinImageSampler(Sd15Heads heads) {
        this.heads = heads;
    }

    @Override
    public String id() {
        return BuiltinEngine.ID;
    }

    @Override
    public String name() {
        return "Built-in (DJL)";
    }

    @Override
    public Set<BaseModelFamily> supportedFamilies() {
        return Set.of(BaseModelFamily.SD15);
    }

    @Override
    public Optional<String> unavailable(EngineSettings settings) {
        try {
            DjlRuntime.pytorch();
            DjlRuntime.tokenizer(settings);
            return Optional.empty();
        } catch (EngineException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void generate(List<GenerationRequest> requests, EngineSettings settings, GenerationListener listener,
            BooleanSupplier cancelled) throws SamplingException {
        Engine engine;
        ClipTokenizer tokenizer;
        try {
            engine = DjlRuntime.pytorch();
            tokenizer = DjlRuntime.tokenizer(settings).load();
        } catch (EngineException | IOException e) {
            throw new SamplingException("The built-in sampler cannot start: " + e.getMessage(), e);
        }
        Device device = DjlRuntime.device(engine);
        Map<Path, List<GenerationRequest>> byCheckpoint = new LinkedHashMap<>();
        for (GenerationRequest r : requests) {
            byCheckpoint.computeIfAbsent(r.checkpoint(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Path, List<GenerationRequest>> group : byCheckpoint.entrySet()) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            List<GenerationRequest> todo = new ArrayList<>();
            for (GenerationRequest r : group.getValue()) {
                if (r.family() != BaseModelFamily.SD15) {
                    listener.failed(r, "the built-in sampler makes SD 1.5 images only, and "
                            + r.checkpoint().getFileName() + " is " + r.family().displayName()
                            + ": sample it with a ComfyUI server");
                } else {
                    todo.add(r);
                }
            }
            if (todo.isEmpty()) {
                continue;
            }
            try (SampleSession session = SampleSession.open(engine, device, group.getKey(), heads, tokenizer)) {
                if (!generate(session, todo, listener, cancelled)) {
                    return;
                }
            } catch (IOException e) {
                // the checkpoint cannot be loaded: every request on it fails with the reason
                todo.forEach(r -> listener.failed(r, e.getMessage()));
            }
        }
    }

    /** @return false when cancelled */
    private static boolean generate(SampleSession session, List<GenerationRequest> requests,
            GenerationListener listener, BooleanSupplier cancelled) {
        Path appliedLora = null;
        double appliedStrength = Double.NaN;
        for (GenerationRequest r : requests) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                if (!Objects.equals(r.lora(), appliedLora) || r.loraStrength() != appliedStrength) {
                    appliedLora = null;
                    session.useLora(r.lora(), (float) r.loraStrength());
                    appliedLora = r.lora();
                    appliedStrength = r.loraStrength();
                }
                SamplerKind kind = SamplerKind.forName(r.sampler()).orElse(SamplerKind.DDIM);
                int steps = r.prompt().steps();
                BufferedImage image = session.sample(r.prompt(), kind, r.clipSkip(), cancelled,
                        step -> listener.step(r, step, steps));
                Map<String, String> extra = new LinkedHashMap<>(r.infoExtra());
                if (SamplerKind.forName(r.sampler()).isEmpty()) {
                    extra.put("Sampler note", r.sampler() + " has no built-in version: DDIM");
                }
                String model = r.checkpoint().getFileName().toString().replaceFirst("\\.[^.]+$", "");
                InfoText text = InfoText.of(r.prompt(), kind, r.clipSkip(), model, r.checkpointSha256(), extra);
                Files.createDirectories(r.output().getParent());
                PngParameters.write(r.output(), image, text.render());
                listener.written(r, r.output());
            } catch (CancellationException e) {
                return false;
            } catch (IOException | RuntimeException e) {
                listener.failed(r, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return true;
    }
}
