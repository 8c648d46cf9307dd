package io.atelier.engine.djl.training;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * PyTorch's {@code torch.no_grad()} for the current thread: in-place changes of trainable weights (optimiser
 * updates, restoring saved values) are refused by autograd while gradient mode is on, and it is on by default in
 * every thread.
 */
public final class NoGrad {

    private NoGrad() {
    }

    public static void run(Runnable body) {
        get(() -> {
            body.run();
            return null;
        });
    }

    public static <T> T get(Supplier<T> body) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
