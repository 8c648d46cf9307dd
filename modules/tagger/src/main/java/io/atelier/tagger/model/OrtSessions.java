package io.atelier.tagger.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens a session on CUDA when this ONNX Runtime build offers it and it works, on the CPU otherwise. CUDA set-up
 * failures (missing CUDA/cuDNN libraries, no driver) are the taggers' most common support problem
 * (reference/wd14-tagger.md §12): they never fail the load, and the provider in use is always reported.
 */
final class OrtSessions {

    private static final Logger LOG = Logger.getLogger(OrtSessions.class.getName());

    private OrtSessions() {
    }

    record Opened(OrtSession session, String provider) {
    }

    static Opened open(OrtEnvironment env, Path modelFile) throws OrtException {
        String cudaProblem = null;
        if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            try (OrtSession.SessionOptions options = options()) {
                options.addCUDA(0);
                return new Opened(env.createSession(modelFile.toString(), options), "CUDA");
            } catch (OrtException e) {
                cudaProblem = e.getMessage();
                // an expected outcome on machines without CUDA libraries: one line, the trace only when asked for
                LOG.log(Level.INFO, "CUDA not usable for {0} ({1}); using the CPU",
                        new Object[]{modelFile, firstLine(String.valueOf(cudaProblem))});
                LOG.log(Level.FINE, "CUDA session failure", e);
            }
        }
        try (OrtSession.SessionOptions options = options()) {
            OrtSession session = env.createSession(modelFile.toString(), options);
            return new Opened(session, cudaProblem == null ? "CPU" : "CPU (CUDA not usable: " + firstLine(cudaProblem) + ")");
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            // ORT's threads otherwise spin on the cores after every run, which the decoding threads need
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
