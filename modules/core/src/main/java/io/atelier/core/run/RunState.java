package io.atelier.core.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a run is in its life. A run only ever moves along the arrows of {@link #next()}; {@link #INTERRUPTED} is what
 * the runner sets on start for a run that was live when the app or the machine died, so no run is ever left
 * "running".
 */
public enum RunState {
    QUEUED,
    STARTING,
    RUNNING,
    STOPPING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    /** The states this one may move to. */
    public Set<RunState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(STARTING, CANCELLED);
            case STARTING -> EnumSet.of(RUNNING, FAILED, STOPPING, INTERRUPTED);
            case RUNNING -> EnumSet.of(STOPPING, SUCCEEDED, FAILED, INTERRUPTED);
            case STOPPING -> EnumSet.of(CANCELLED, FAILED, SUCCEEDED, INTERRUPTED);
            // a resumed run queues again and continues its step count
            case INTERRUPTED, CANCELLED, FAILED -> EnumSet.of(QUEUED);
            case SUCCEEDED -> EnumSet.noneOf(RunState.class);
        };
    }

    public boolean canMoveTo(RunState target) {
        return next().contains(target);
    }

    /** A process may exist for the run: what the runner must reconcile after a crash. */
    public boolean live() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }

    /** Nothing more happens unless the user resumes or re-queues it. */
    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }

    /** The state after {@code this → target}, or an IllegalStateException naming both. */
    public RunState moveTo(RunState target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("a run cannot go from " + name().toLowerCase(java.util.Locale.ROOT)
                    + " to " + target.name().toLowerCase(java.util.Locale.ROOT));
        }
        return target;
    }
}
