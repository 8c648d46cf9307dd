package io.atelier.engine.djl;

import ai.djl.engine.Engine;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.TrainingEngine;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.run.DjlRuntime;
import io.atelier.engine.djl.run.RunLauncher;
import io.atelier.engine.djl.tokenizer.TokenizerFiles;
import java.util.Set;
import org.openide.util.lookup.ServiceProvider;

/**
 * The built-in engine: SD 1.5 LoRA training in this JVM on DJL's PyTorch engine (CUDA when PyTorch sees a GPU, else
 * the CPU), no Python. Settings: {@code tokenizer} = a folder with the CLIP tokenizer's files (else the Hugging Face
 * cache). A run's outputs are named as sd-scripts names them, in {@code <runDir>/out/}.
 */
@ServiceProvider(service = TrainingEngine.class)
public final class BuiltinEngine implements TrainingEngine {

    public static final String ID = "builtin";

    private final Sd15Heads heads;

    public BuiltinEngine() {
        this(Sd15Heads.SD15);
    }

    /** With other attention head counts than SD 1.5's: for small test checkpoints. */
    BuiltinEngine(Sd15Heads heads) {
        this.heads = heads;
    }

    @Override
    public String id() {
        return ID;
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
    public String version(EngineSettings settings) {
        String djl = "DJL " + Engine.getDjlVersion();
        try {
            return djl + ", PyTorch " + DjlRuntime.pytorch().getVersion();
        } catch (EngineException e) {
            return djl + ", PyTorch not loaded";
        }
    }

    @Override
    public EngineAvailability availability(EngineSettings settings) {
        Engine engine;
        try {
            engine = DjlRuntime.pytorch();
        } catch (EngineException e) {
            return new EngineAvailability(false, false, e.getMessage());
        }
        boolean cuda = engine.getGpuCount() > 0;
        String device = DjlRuntime.describe(engine);
        try {
            TokenizerFiles tokenizer = DjlRuntime.tokenizer(settings);
            return new EngineAvailability(true, cuda, device + "; CLIP tokenizer in " + tokenizer.folder());
        } catch (EngineException e) {
            return new EngineAvailability(false, cuda, device + ", but " + e.getMessage());
        }
    }

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public RunHandle start(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException {
        return RunLauncher.launch(spec, settings, listener, heads, false, version(settings));
    }

    @Override
    public RunHandle resume(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException {
        return RunLauncher.launch(spec, settings, listener, heads, true, version(settings));
    }
}
