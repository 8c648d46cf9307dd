package io.atelier.dataset.ui.work;

import java.io.IOException;

/** Thrown by a job that stopped because the user cancelled it: nothing failed, so nothing is reported. */
public final class Cancelled extends IOException {

    private static final long serialVersionUID = 1L;

    public Cancelled() {
        super("cancelled");
    }
}
