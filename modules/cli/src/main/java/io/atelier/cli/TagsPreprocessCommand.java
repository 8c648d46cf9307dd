package io.atelier.cli;

import io.atelier.tagger.preprocess.NpyFile;
import io.atelier.tagger.preprocess.TaggerPreprocessor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atelier tags preprocess IMAGE --size N --out FILE.npy}: the exact tensor the tagger feeds the model, for
 * checking preprocessing against the Python reference with {@code numpy.load}.
 */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Writes the float32 tensor the tagger feeds a WD14 model for IMAGE as a NumPy .npy file: "
                + "shape [1, N, N, 3], BGR, 0-255 (alpha onto white, padded to a white square, Pillow BICUBIC "
                + "resize, EXIF orientation applied).")
final class TagsPreprocessCommand implements Callable<Integer> {

    /** Larger than any tagger input; keeps a typo from allocating gigabytes. */
    private static final int MAX_SIZE = 4096;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "image file")
    Path image;

    @Option(names = "--size", paramLabel = "N", defaultValue = "448",
            description = "the model's input size (default: ${DEFAULT-VALUE}, every WD14 v2/v3 model)")
    int size;

    @Option(names = "--out", paramLabel = "FILE.npy", required = true, description = "where to write the tensor")
    Path out;

    @Override
    public Integer call() {
        if (size < 1 || size > MAX_SIZE) {
            throw new CliFailure("--size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        float[] tensor;
        try {
            tensor = new TaggerPreprocessor().tensor(image.toAbsolutePath(), size);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        Path target = out.toAbsolutePath();
        try {
            NpyFile.write(target, tensor, 1, size, size, 3);
        } catch (IOException e) {
            throw new CliFailure(target + ": cannot be written (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getOut().println("Wrote " + target + ": float32 [1, " + size + ", " + size
                + ", 3], BGR 0-255, from " + image.toAbsolutePath());
        return 0;
    }
}
