package io.atelier.engine.sdscripts.tensorboard;

import java.util.Objects;

/**
 * One scalar of a TensorBoard event file: {@code tag} (e.g. {@code loss/current}), the event's {@code step} (the global
 * step; the epoch number for the {@code .../epoch_*} tags, reference §9), its {@code wall_time} in seconds since the
 * epoch, and the value ({@code simple_value} widened from float, or a one-element float/double tensor).
 */
public record ScalarPoint(String tag, long step, double wallTime, double value) {

    public ScalarPoint {
        Objects.requireNonNull(tag, "tag");
    }
}
