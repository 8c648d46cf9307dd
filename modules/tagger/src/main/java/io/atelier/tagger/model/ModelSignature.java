package io.atelier.tagger.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The WD14 contract as read from a session (reference/wd14-tagger.md §3, §5): one float32 NHWC input
 * {@code [N, S, S, 3]} and an output {@code [N, tags]} of probabilities. Names and sizes are read, never assumed
 * (v2 exports say {@code input_1:0} / {@code predictions_sigmoid}; v3 names are not documented).
 *
 * @param inputName    the image input
 * @param inputSize    S, the square input side (448 for every published v2/v3 model)
 * @param dynamicBatch dim 0 of the input is dynamic (-1); older v2 exports are fixed to 1
 * @param outputName   the probability output
 * @param outputWidth  the number of tags, or -1 when the model leaves it dynamic
 */
record ModelSignature(String inputName, int inputSize, boolean dynamicBatch, String outputName, long outputWidth) {

    static ModelSignature read(OrtSession session, Path modelFile, int tags) throws OrtException, TaggerModelException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new TaggerModelException(modelFile, "has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; a WD14 tagger has one image input");
        }
        NodeInfo input = inputs.values().iterator().next();
        long[] shape = tensorShape(modelFile, input);
        if (shape.length != 4 || shape[3] != 3 || shape[1] <= 0 || shape[1] != shape[2]
                || !(shape[0] == -1 || shape[0] == 1)) {
            throw new TaggerModelException(modelFile, "input \"" + input.getName() + "\" has shape "
                    + Arrays.toString(shape) + "; a WD14 tagger takes [N, size, size, 3] (NHWC, square, N = 1 or "
                    + "dynamic)");
        }
        NodeInfo output = pickOutput(session.getOutputInfo(), modelFile, tags);
        long[] out = tensorShape(modelFile, output);
        return new ModelSignature(input.getName(), Math.toIntExact(shape[1]), shape[0] == -1, output.getName(),
                out[1]);
    }

    /**
     * The probability output: the only one, or among several (deepghs re-exports add the embedding) the one whose
     * width is the number of tags in the CSV.
     */
    private static NodeInfo pickOutput(Map<String, NodeInfo> outputs, Path modelFile, int tags)
            throws TaggerModelException {
        NodeInfo first = null;
        for (NodeInfo output : outputs.values()) {
            long[] shape = tensorShape(modelFile, output);
            if (shape.length == 2) {
                if (shape[1] == tags) {
                    return output;
                }
                if (first == null) {
                    first = output;
                }
            }
        }
        if (first == null) {
            throw new TaggerModelException(modelFile, "no output of shape [N, tags] among " + outputs.keySet());
        }
        long width = tensorShape(modelFile, first)[1];
        if (width >= 0) {
            throw new TaggerModelException(modelFile, "output \"" + first.getName() + "\" has " + width
                    + " tags, but " + TagVocabulary.FILE_NAME + " lists " + tags + "; the CSV belongs to another model");
        }
        return first;
    }

    private static long[] tensorShape(Path modelFile, NodeInfo node) throws TaggerModelException {
        ValueInfo info = node.getInfo();
        if (!(info instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new TaggerModelException(modelFile, "\"" + node.getName() + "\" is " + info
                    + "; a WD14 tagger uses float32 tensors");
        }
        return tensor.getShape();
    }
}
