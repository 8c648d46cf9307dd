package io.atelier.engine.djl.run;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.basemodel.CheckpointFamilyDetector;
import io.atelier.core.basemodel.FamilyDetection;
import io.atelier.core.basemodel.UnsupportedModelFileException;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunState;
import io.atelier.core.safetensors.SafetensorsHeader;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.tokenizer.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Starts or resumes a run: what can be checked quickly is checked before anything starts (the configuration, the base
 * model's family from its header, the tokenizer files, a saved state for a resume), then {@code STARTING} and the
 * training thread.
 */
public final class RunLauncher {

    private RunLauncher() {
    }

    public static RunHandle launch(RunSpec spec, EngineSettings settings, RunListener listener, Sd15Heads heads,
            boolean resume, String engineDescription) throws EngineException {
        RunOptions options = RunOptions.of(spec.config());
        requireSd15(spec);
        TokenizerFiles tokenizer = DjlRuntime.tokenizer(settings);
        TrainState state = null;
        if (resume) {
            state = TrainState.load(spec.runDir());
            if (state.epoch() >= options.epochs()) {
                throw new EngineException("Nothing to resume: the saved state is after the last epoch ("
                        + state.epoch() + " of " + options.epochs() + ").");
            }
        }
        RunEvents events = new RunEvents(listener);
        events.send(new RunEvent.StateChanged(RunState.STARTING, null));
        Training training = new Training(spec, options, tokenizer, heads, state, engineDescription, events);
        return BuiltinRun.start(training, events, "built-in run " + spec.runId());
    }

    private static void requireSd15(RunSpec spec) throws EngineException {
        if (!Files.isRegularFile(spec.baseModel())) {
            throw new EngineException("The base model " + spec.baseModel() + " does not exist.");
        }
        FamilyDetection detection;
        try {
            detection = CheckpointFamilyDetector.detect(SafetensorsHeader.read(spec.baseModel()));
        } catch (UnsupportedModelFileException e) {
            throw new EngineException("The built-in engine trains SD 1.5 checkpoints only; " + spec.baseModel()
                    .getFileName() + " cannot be trained: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException("Cannot read the base model " + spec.baseModel() + ": " + e.getMessage(), e);
        }
        if (detection.family() != BaseModelFamily.SD15) {
            throw new EngineException(spec.baseModel().getFileName() + " is an " + detection.family().displayName()
                    + " checkpoint; the built-in engine trains SD 1.5 checkpoints only. Train "
                    + detection.family().displayName() + " LoRAs with the sd-scripts engine.");
        }
    }
}
