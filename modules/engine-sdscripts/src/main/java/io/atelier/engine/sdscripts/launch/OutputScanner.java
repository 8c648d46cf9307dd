package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the checkpoints and sample images a segment writes (reference §10.1, §11) and reports each once, when it is
 * complete: its size was the same on two polls in a row, or the process has ended. Epochs and steps come from the
 * names ({@link OutputNames}); an epoch's step is the step at that epoch's end; the final, un-numbered LoRA belongs
 * to the last epoch. Called from one thread at a time.
 */
final class OutputScanner {

    static final String SAFETENSORS = "safetensors";

    private final Path outputDir;
    private final Path sampleDir;
    private final OutputNames names;
    private final Set<Path> ignored;
    private final SegmentSteps steps;
    private final RunListener listener;
    private final Map<Path, Long> sizes = new HashMap<>();
    private final Set<Path> reported = new HashSet<>();
    private final Set<String> problems = new HashSet<>();

    /**
     * @param ignored files that were there before the segment started
     */
    OutputScanner(Path outputDir, String outputName, Set<Path> ignored, SegmentSteps steps, RunListener listener) {
        this.outputDir = outputDir;
        this.sampleDir = outputDir.resolve("sample");
        this.names = new OutputNames(outputName, SAFETENSORS);
        this.ignored = Set.copyOf(ignored);
        this.steps = steps;
        this.listener = listener;
    }

    /** The checkpoints and samples present now, for the {@code ignored} set of a later segment or scanner. */
    static Set<Path> existing(Path outputDir) {
        Set<Path> out = new HashSet<>(list(outputDir, null));
        out.addAll(list(outputDir.resolve("sample"), null));
        return out;
    }

    /** @param ended the process has exited: what is there now is complete */
    void poll(boolean ended) {
        for (Path f : list(outputDir, this)) {
            names.checkpoint(f.getFileName().toString()).ifPresent(n -> {
                if (complete(f, ended)) {
                    listener.onEvent(checkpoint(f, n));
                }
            });
        }
        for (Path f : list(sampleDir, this)) {
            names.sample(f.getFileName().toString()).ifPresent(n -> {
                if (complete(f, ended)) {
                    listener.onEvent(sample(f, n));
                }
            });
        }
    }

    private RunEvent.CheckpointSaved checkpoint(Path f, OutputNames.CheckpointName n) {
        if (n.epoch().isPresent()) {
            int e = n.epoch().get();
            return new RunEvent.CheckpointSaved(f, e, steps.stepAtEndOf(e));
        }
        if (n.step().isPresent()) {
            long s = steps.runStep(n.step().get());
            return new RunEvent.CheckpointSaved(f, steps.epochOf(s), s);
        }
        return new RunEvent.CheckpointSaved(f, steps.totalEpochs(), steps.stepAtEndOf(steps.totalEpochs()));
    }

    private RunEvent.SampleWritten sample(Path f, OutputNames.SampleName n) {
        if (n.epoch().isPresent()) {
            int e = n.epoch().get();
            return new RunEvent.SampleWritten(f, e, e == 0 ? steps.runStep(0) : steps.stepAtEndOf(e),
                    n.promptIndex());
        }
        long s = steps.runStep(n.step().orElse(0L));
        return new RunEvent.SampleWritten(f, s == 0 ? 0 : steps.epochOf(s), s, n.promptIndex());
    }

    /** Not reported yet, not from before the segment, and its size has settled (or nothing writes any more). */
    private boolean complete(Path f, boolean ended) {
        if (reported.contains(f) || ignored.contains(f)) {
            return false;
        }
        long size;
        try {
            size = Files.size(f);
        } catch (NoSuchFileException e) {
            sizes.remove(f); // removed meanwhile (save_last_n_epochs pruning)
            return false;
        } catch (IOException e) {
            problem("reading the size of " + f + " failed: " + e.getMessage());
            return false;
        }
        Long before = sizes.put(f, size);
        if (ended || (before != null && before == size && size > 0)) {
            reported.add(f);
            return true;
        }
        return false;
    }

    /** Regular files of {@code dir} sorted by name (epoch and step numbers are zero-padded); none when it is absent. */
    private static List<Path> list(Path dir, OutputScanner reportTo) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted(OutputScanner::byName).toList();
        } catch (IOException e) {
            if (reportTo != null) {
                reportTo.problem("listing " + dir + " failed: " + e.getMessage());
            }
            return List.of();
        }
    }

    /** Numbered files first in their order, the final un-numbered LoRA ({@code name.safetensors}) after them. */
    private static int byName(Path a, Path b) {
        return key(a).compareTo(key(b));
    }

    private static String key(Path p) {
        String n = p.getFileName().toString();
        return (n.matches(".*-(\\d{6,}|step\\d{8,})\\.[a-z]+$") ? "0" : "1") + n;
    }

    private void problem(String message) {
        if (problems.add(message)) {
            listener.onEvent(new RunEvent.LogLine(true, message));
        }
    }
}
