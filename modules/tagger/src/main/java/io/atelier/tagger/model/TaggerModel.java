package io.atelier.tagger.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WD14 / WD v3 tagger loaded from a folder holding {@code model.onnx} and {@code selected_tags.csv}. Input and
 * output names, the input size and whether the batch dimension is dynamic are read from the model. Thread-safe;
 * close it to free the native session.
 */
public final class TaggerModel implements AutoCloseable {

    public static final String MODEL_FILE = "model.onnx";
    /** Images per inference call when the batch dimension is dynamic (larger batches gain little on a CPU). */
    static final int DYNAMIC_BATCH = 8;

    private final Path folder;
    private final List<TagInfo> vocabulary;
    private final ModelSignature signature;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String provider;
    /** Reused input buffer (direct, so ORT reads it in place); guarded by {@code this}. */
    private FloatBuffer input;

    private TaggerModel(Path folder, List<TagInfo> vocabulary, ModelSignature signature, OrtEnvironment env,
                        OrtSession session, String provider) {
        this.folder = folder;
        this.vocabulary = vocabulary;
        this.signature = signature;
        this.env = env;
        this.session = session;
        this.provider = provider;
    }

    /**
     * Loads the model in {@code folder}: CUDA when available, else the CPU. Every problem (missing file, a CSV
     * that does not belong to the model, a file that is not an ONNX model, a model that is not a WD14 tagger) is a
     * {@link TaggerModelException} naming the file.
     */
    public static TaggerModel load(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new TaggerModelException(dir, "not a folder (point to the folder holding " + MODEL_FILE + " and "
                    + TagVocabulary.FILE_NAME + ")");
        }
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(modelFile)) {
            throw new TaggerModelException(modelFile, "missing: a tagger model folder needs " + MODEL_FILE + " and "
                    + TagVocabulary.FILE_NAME);
        }
        List<TagInfo> vocabulary = TagVocabulary.read(dir.resolve(TagVocabulary.FILE_NAME));
        // ORT's own log goes to the native stderr; its warnings about graph optimisations are noise in the CLI and
        // the IDE, and its errors come back as exceptions anyway
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "atelier-tagger");
        OrtSessions.Opened opened;
        try {
            opened = OrtSessions.open(env, modelFile);
        } catch (OrtException e) {
            throw new TaggerModelException(modelFile, "not a usable ONNX model (ONNX Runtime: "
                    + oneLine(e.getMessage()) + ")", e);
        }
        try {
            ModelSignature signature = ModelSignature.read(opened.session(), modelFile, vocabulary.size());
            return new TaggerModel(dir, vocabulary, signature, env, opened.session(), opened.provider());
        } catch (OrtException e) {
            TaggerModelException failure = new TaggerModelException(modelFile,
                    "cannot read the model's inputs and outputs (" + oneLine(e.getMessage()) + ")", e);
            closeQuietlyAfter(opened.session(), failure);
            throw failure;
        } catch (TaggerModelException | RuntimeException e) {
            closeQuietlyAfter(opened.session(), e);
            throw e;
        }
    }

    /** The model's name: its folder's name (e.g. {@code wd-swinv2-tagger-v3}). */
    public String name() {
        return folder.getFileName().toString();
    }

    public Path folder() {
        return folder;
    }

    /** Row <i>i</i> describes output <i>i</i>. */
    public List<TagInfo> vocabulary() {
        return vocabulary;
    }

    /** The square input side in pixels. */
    public int inputSize() {
        return signature.inputSize();
    }

    public String inputName() {
        return signature.inputName();
    }

    public String outputName() {
        return signature.outputName();
    }

    /** Whether several images can go through one inference call. */
    public boolean dynamicBatch() {
        return signature.dynamicBatch();
    }

    /** How many images {@link #predict} runs at once: 1 for models exported with a fixed batch of 1. */
    public int batchSize() {
        return signature.dynamicBatch() ? DYNAMIC_BATCH : 1;
    }

    /** The execution provider in use: {@code CUDA}, {@code CPU}, or {@code CPU (CUDA not usable: …)}. */
    public String provider() {
        return provider;
    }

    /**
     * Tag probabilities for images preprocessed to {@link #inputSize()} (NHWC, BGR, 0–255); one array per tensor,
     * in order, each as wide as the vocabulary. Runs the images in one call when the batch is dynamic, one by one
     * otherwise.
     */
    public float[][] predict(List<float[]> tensors) throws TaggerModelException {
        int size = signature.inputSize();
        int length = size * size * 3;
        for (float[] t : tensors) {
            if (t.length != length) {
                throw new IllegalArgumentException("tensor of " + t.length + " values; the model takes " + size + "x"
                        + size + "x3 = " + length);
            }
        }
        float[][] out = new float[tensors.size()][];
        int step = signature.dynamicBatch() ? Math.max(1, tensors.size()) : 1;
        for (int from = 0; from < tensors.size(); from += step) {
            List<float[]> chunk = tensors.subList(from, Math.min(tensors.size(), from + step));
            float[][] probs = run(chunk);
            System.arraycopy(probs, 0, out, from, probs.length);
        }
        return out;
    }

    private synchronized float[][] run(List<float[]> chunk) throws TaggerModelException {
        int size = signature.inputSize();
        int length = size * size * 3;
        int needed = chunk.size() * length;
        if (input == null || input.capacity() < needed) {
            input = ByteBuffer.allocateDirect(needed * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        input.clear();
        for (float[] t : chunk) {
            input.put(t);
        }
        input.flip();
        long[] shape = {chunk.size(), size, size, 3};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor),
                     Set.of(signature.outputName()))) {
            OnnxValue value = result.get(signature.outputName()).orElseThrow(
                    () -> new TaggerModelException(modelFile(), "returned no \"" + signature.outputName() + "\""));
            return split(value, chunk.size());
        } catch (OrtException e) {
            throw new TaggerModelException(modelFile(), "inference failed (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    private float[][] split(OnnxValue value, int images) throws TaggerModelException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new TaggerModelException(modelFile(), "output \"" + signature.outputName() + "\" is not a tensor");
        }
        FloatBuffer probs = tensor.getFloatBuffer();
        int tags = vocabulary.size();
        if (probs == null || probs.remaining() != (long) images * tags) {
            throw new TaggerModelException(modelFile(), "output \"" + signature.outputName() + "\" has "
                    + (probs == null ? 0 : probs.remaining()) + " values for " + images + " images; "
                    + TagVocabulary.FILE_NAME + " lists " + tags + " tags per image");
        }
        float[][] out = new float[images][tags];
        for (float[] row : out) {
            probs.get(row);
        }
        return out;
    }

    private Path modelFile() {
        return folder.resolve(MODEL_FILE);
    }

    @Override
    public void close() throws TaggerModelException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new TaggerModelException(modelFile(), "cannot close the session (" + oneLine(e.getMessage()) + ")",
                    e);
        }
    }

    private static void closeQuietlyAfter(OrtSession session, Exception primary) {
        try {
            session.close();
        } catch (OrtException e) {
            primary.addSuppressed(e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no message" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
