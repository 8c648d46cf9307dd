package io.atelier.engine.sdscripts.launch;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names sd-scripts gives its output files, parsed back (reference §10.1, §11):
 * <ul>
 * <li>checkpoints in {@code output_dir}: {@code <name>-000001.safetensors} (epoch), {@code <name>-step00000500.safetensors}
 * (step), {@code <name>.safetensors} (final);</li>
 * <li>samples in {@code output_dir/sample/}: {@code <name>_e000002_00_<YYYYmmddHHMMSS>[_seed].png} (after an epoch;
 * {@code e000000} for {@code sample_at_first}) and {@code <name>_000500_01_<YYYYmmddHHMMSS>[_seed].png} (at a step),
 * the middle number being the prompt's index in the file.</li>
 * </ul>
 * Numbers are at least as wide as the format ({@code %06d} grows past a million).
 */
final class OutputNames {

    /** What a checkpoint name says: an epoch, a step, or neither (the final file). */
    record CheckpointName(Optional<Integer> epoch, Optional<Long> step) {
        boolean isFinal() {
            return epoch.isEmpty() && step.isEmpty();
        }
    }

    /** What a sample name says: the epoch or the step that triggered it, and the prompt index. */
    record SampleName(Optional<Integer> epoch, Optional<Long> step, int promptIndex) {
    }

    private final Pattern checkpoint;
    private final Pattern sample;

    OutputNames(String outputName, String extension) {
        String n = Pattern.quote(outputName);
        checkpoint = Pattern.compile("^" + n + "(?:-(\\d{6,})|-step(\\d{8,}))?" + Pattern.quote("." + extension) + "$");
        sample = Pattern.compile("^" + n + "_(?:e(\\d{6,})|(\\d{6,}))_(\\d{2,})_\\d{14}(?:_-?\\d+)?\\.png$");
    }

    Optional<CheckpointName> checkpoint(String fileName) {
        Matcher m = checkpoint.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CheckpointName(Optional.ofNullable(m.group(1)).map(Integer::valueOf),
                Optional.ofNullable(m.group(2)).map(Long::valueOf)));
    }

    Optional<SampleName> sample(String fileName) {
        Matcher m = sample.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SampleName(Optional.ofNullable(m.group(1)).map(Integer::valueOf),
                Optional.ofNullable(m.group(2)).map(Long::valueOf), Integer.parseInt(m.group(3))));
    }
}
