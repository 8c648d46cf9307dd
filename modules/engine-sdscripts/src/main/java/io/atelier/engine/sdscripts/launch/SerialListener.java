package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;

/**
 * Delivers a run's events one at a time, so the listener sees a single order whichever of the run's threads (two
 * stream readers, the follower, the supervisor) found them, and needs no locking of its own.
 */
final class SerialListener implements RunListener {

    private final RunListener target;
    private final Object lock = new Object();

    SerialListener(RunListener target) {
        this.target = target;
    }

    @Override
    public void onEvent(RunEvent event) {
        synchronized (lock) {
            target.onEvent(event);
        }
    }

    /** Held while delivering; a caller that must decide and deliver as one step holds it too (it is reentrant). */
    Object lock() {
        return lock;
    }
}
