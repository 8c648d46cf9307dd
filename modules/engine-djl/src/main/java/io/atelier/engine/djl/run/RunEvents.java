package io.atelier.engine.djl.run;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;

/** The run's events, sent from its one thread; a listener that throws does not end the run. */
final class RunEvents {

    private final RunListener listener;

    RunEvents(RunListener listener) {
        this.listener = listener;
    }

    void send(RunEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            System.getLogger(RunEvents.class.getName()).log(System.Logger.Level.WARNING,
                    "a run listener failed on " + event, e);
        }
    }

    void log(String text) {
        send(new RunEvent.LogLine(false, text));
    }

    void error(String text) {
        send(new RunEvent.LogLine(true, text));
    }

    void metric(String name, long step, int epoch, double value) {
        send(new RunEvent.Metric(name, step, epoch, value));
    }
}
