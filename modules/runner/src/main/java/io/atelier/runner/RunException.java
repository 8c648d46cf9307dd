package io.atelier.runner;

/** A run cannot be queued, started, stopped or resumed; the message says why in words, naming the file. */
public class RunException extends Exception {

    public RunException(String message) {
        super(message);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
