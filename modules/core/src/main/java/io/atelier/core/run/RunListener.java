package io.atelier.core.run;

/** Receives a run's events; must return quickly (the runner queues them for the store and the UI). */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);
}
