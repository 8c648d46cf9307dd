package io.atelier.engine.sdscripts.launch;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.params.Params;
import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineException;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunHandle;
import io.atelier.core.run.RunListener;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.TrainingEngine;
import io.atelier.engine.sdscripts.config.ModelFamilies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openide.util.lookup.ServiceProvider;

/**
 * kohya sd-scripts as a {@link TrainingEngine}: writes the run's TOML files, launches the training script as a child
 * process (argument list, never a shell), and reports its course from the console, the TensorBoard events and the
 * files it writes. A resume is a new segment in folders of its own ({@link Segment}), continuing the run's step count.
 */
@ServiceProvider(service = TrainingEngine.class)
public final class SdScriptsEngine implements TrainingEngine {

    public static final String ID = "sd-scripts";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "kohya sd-scripts";
    }

    @Override
    public Set<BaseModelFamily> supportedFamilies() {
        return EnumSet.of(BaseModelFamily.SD15, BaseModelFamily.SDXL, BaseModelFamily.PONY,
                BaseModelFamily.ILLUSTRIOUS, BaseModelFamily.OTHER_SDXL);
    }

    /** The checkout's git commit, which is what decides sd-scripts' behaviour. */
    @Override
    public String version(EngineSettings settings) {
        return SdScriptsVersion.of(SdScriptsSettings.from(settings).dir());
    }

    /** {@link InstallationCheck#run}; takes up to a minute. */
    @Override
    public EngineAvailability availability(EngineSettings settings) {
        return InstallationCheck.run(SdScriptsSettings.from(settings)).availability();
    }

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public RunHandle start(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException {
        SdScriptsSettings s = SdScriptsSettings.from(settings);
        Segment segment = Segment.first();
        LaunchCommand command = command(s, spec, segment, Optional.empty());
        Path runDir = spec.runDir();
        List<Segment> before = readSegmentsIfAny(runDir);
        writeSegments(runDir, List.of(segment));
        return launch(command, segment, spec, listener, runDir, before);
    }

    @Override
    public RunHandle resume(RunSpec spec, EngineSettings settings, RunListener listener) throws EngineException {
        SdScriptsSettings s = SdScriptsSettings.from(settings);
        Path runDir = spec.runDir();
        List<Segment> segments;
        Optional<TrainState> newest;
        try {
            segments = Segments.read(runDir);
            newest = TrainState.newest(runDir, segments);
        } catch (IOException e) {
            throw new EngineException("Cannot resume: " + e.getMessage(), e);
        }
        if (newest.isEmpty()) {
            throw new EngineException("Cannot resume: no saved training state (a folder ending in -state holding "
                    + TrainState.STATE_FILE + ") in " + segments.stream().map(g -> runDir.resolve(g.outputDir())
                    .toString()).collect(Collectors.joining(", ")));
        }
        TrainState state = newest.get();
        Segment segment = Segment.resume(segments.size(), state.runStep(),
                runDir.relativize(state.folder()).toString());
        LaunchCommand command = command(s, spec, segment, Optional.of(state.folder()));
        List<Segment> next = new ArrayList<>(segments);
        next.add(segment);
        writeSegments(runDir, next);
        return launch(command, segment, spec, listener, runDir, segments);
    }

    /** Checks the program and the script, writes the segment's files, and builds the command line. */
    private static LaunchCommand command(SdScriptsSettings s, RunSpec spec, Segment segment, Optional<Path> resume)
            throws EngineException {
        Path dir = s.dir().orElseThrow(() -> new EngineException("The sd-scripts folder is not set: set \""
                + SdScriptsSettings.DIR + "\" in the sd-scripts engine settings."));
        Path script = dir.resolve(ModelFamilies.trainingScript(spec.config()));
        if (!Files.isRegularFile(script)) {
            throw new EngineException(script + " does not exist: is \"" + SdScriptsSettings.DIR
                    + "\" an sd-scripts checkout?");
        }
        // the program is checked before any file is written, so a wrong setting leaves the run folder alone
        LaunchCommand.of(s, spec.config(), spec.runDir().resolve(segment.configFile()), resume);
        Path config = RunFiles.write(spec, segment);
        return LaunchCommand.of(s, spec.config(), config.toAbsolutePath(), resume);
    }

    private static RunHandle launch(LaunchCommand command, Segment segment, RunSpec spec, RunListener listener,
                                    Path runDir, List<Segment> restoreOnFailure) throws EngineException {
        try {
            return SdScriptsRun.launch(command, segment, runDir, spec.config().getString(Params.OUTPUT_NAME),
                    spec.config().getInt(Params.EPOCHS), listener);
        } catch (EngineException e) {
            // the segment never ran: segments.json goes back to what it was
            if (restoreOnFailure != null) {
                writeSegments(runDir, restoreOnFailure);
            }
            throw e;
        }
    }

    private static List<Segment> readSegmentsIfAny(Path runDir) throws EngineException {
        if (!Files.exists(Segments.file(runDir))) {
            return null;
        }
        try {
            return Segments.read(runDir);
        } catch (IOException e) {
            return null; // start() replaces a damaged file anyway
        }
    }

    private static void writeSegments(Path runDir, List<Segment> segments) throws EngineException {
        try {
            Segments.write(runDir, segments);
        } catch (IOException e) {
            throw new EngineException("Cannot write " + Segments.file(runDir) + ": " + e.getMessage(), e);
        }
    }
}
