package io.atelier.sampler.comfyui;

/** One image cannot be made; the message says why, for the listener, and the queue goes on with the next one. */
final class RequestFailure extends Exception {

    RequestFailure(String message) {
        super(message);
    }

    RequestFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
