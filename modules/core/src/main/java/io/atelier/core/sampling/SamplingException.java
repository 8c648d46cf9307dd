package io.atelier.core.sampling;

/** A sampler cannot make images at all; the message says why and what to do. */
public class SamplingException extends Exception {

    public SamplingException(String message) {
        super(message);
    }

    public SamplingException(String message, Throwable cause) {
        super(message, cause);
    }
}
