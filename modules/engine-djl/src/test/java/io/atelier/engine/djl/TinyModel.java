package io.atelier.engine.djl;

import io.atelier.testfixtures.sd15.TestCheckpoints;
import ai.djl.ndarray.NDManager;
import io.atelier.engine.djl.model.Sd15Checkpoint;
import io.atelier.engine.djl.model.Sd15Heads;
import io.atelier.engine.djl.model.Sd15Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/** The tiny SD 1.5-structured checkpoint, written once per test JVM, and its head counts. */
public final class TinyModel {

    public static final Sd15Heads HEADS = new Sd15Heads(8, 4);
    public static final TestCheckpoints.Spec SPEC = TestCheckpoints.Spec.tiny(64);
    public static final TestCheckpoints.Spec TWO_LEVEL = TestCheckpoints.Spec.twoLevel(64);
    private static final java.util.Map<TestCheckpoints.Spec, Path> FILES = new java.util.HashMap<>();

    private TinyModel() {
    }

    public static synchronized Path file(TestCheckpoints.Spec spec) throws IOException {
        Path file = FILES.get(spec);
        if (file == null) {
            Path dir = Files.createTempDirectory("atelier-tiny-sd15");
            dir.toFile().deleteOnExit();
            file = TestCheckpoints.writeSd15(dir.resolve("tiny-sd15.safetensors"), spec, 1);
            file.toFile().deleteOnExit();
            FILES.put(spec, file);
        }
        return file;
    }

    /** The full 4-level SD 1.5 structure. */
    public static Sd15Checkpoint load(NDManager manager, Sd15Part... parts) throws IOException {
        return load(SPEC, manager, parts);
    }

    public static Sd15Checkpoint load(TestCheckpoints.Spec spec, NDManager manager, Sd15Part... parts)
            throws IOException {
        EnumSet<Sd15Part> set = EnumSet.noneOf(Sd15Part.class);
        set.addAll(java.util.List.of(parts));
        return Sd15Checkpoint.load(file(spec), manager, HEADS, set);
    }
}
