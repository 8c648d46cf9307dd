package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.EngineAvailability;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link InstallationCheck} found: one item per file, program and Python module, whether CUDA works, and the
 * GPU's name.
 *
 * @param items   every check in the order made
 * @param cuda    PyTorch reported a usable CUDA device
 * @param gpuName the device's name when {@code cuda}
 */
public record CheckReport(List<Item> items, boolean cuda, Optional<String> gpuName) {

    /** The outcome of one check. */
    public enum Status {
        /** Present and working. */
        FOUND,
        /** Absent or broken: runs cannot start. */
        MISSING,
        /** Absent but optional: some settings will fail (e.g. 8-bit optimizers without bitsandbytes). */
        WARNING
    }

    /**
     * @param name    what was checked: a file ({@code train_network.py}), {@code python}, a module ({@code torch})
     * @param message what was found (a version, a path) or the error text
     */
    public record Item(String name, Status status, String message) {
        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return name + ": " + message;
        }
    }

    public CheckReport {
        items = List.copyOf(items);
        Objects.requireNonNull(gpuName, "gpuName");
    }

    /** Nothing required is missing: a run can start. */
    public boolean usable() {
        return items.stream().noneMatch(i -> i.status() == Status.MISSING);
    }

    public List<Item> missing() {
        return items.stream().filter(i -> i.status() == Status.MISSING).toList();
    }

    public List<Item> warnings() {
        return items.stream().filter(i -> i.status() == Status.WARNING).toList();
    }

    public Optional<Item> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** One paragraph for the Options panel and {@code atelier engine check}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        if (usable()) {
            s.append("sd-scripts is ready");
            s.append(cuda ? " and will train on the GPU " + gpuName.orElse("(unnamed)") + "."
                    : ", but PyTorch sees no CUDA GPU: training would run on the CPU, which is far too slow for "
                    + "real runs.");
        } else {
            s.append("sd-scripts cannot run: ");
            s.append(missing().stream().map(Item::toString).collect(Collectors.joining("; ")));
            s.append('.');
        }
        if (!warnings().isEmpty()) {
            s.append(" Warning: ").append(warnings().stream().map(Item::toString).collect(Collectors.joining("; ")))
                    .append('.');
        }
        return s.toString();
    }

    public EngineAvailability availability() {
        return new EngineAvailability(usable(), usable() && cuda, summary());
    }
}
