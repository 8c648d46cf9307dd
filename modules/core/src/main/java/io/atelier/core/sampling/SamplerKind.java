package io.atelier.core.sampling;

import java.util.Locale;
import java.util.Optional;

/**
 * The samplers a built-in sampler runs, with the names sd-scripts' {@code sample_sampler} and A1111's infotext use.
 * sd-scripts accepts more names (reference §11); {@link #forName} says which of them there is no built-in for.
 */
public enum SamplerKind {
    EULER("euler", "Euler"),
    EULER_A("euler_a", "Euler a"),
    DDIM("ddim", "DDIM");

    private final String id;
    private final String displayName;

    SamplerKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** sd-scripts' name: {@code euler}, {@code euler_a}, {@code ddim}. */
    public String id() {
        return id;
    }

    /** A1111's name, written into the infotext so other tools show it. */
    public String displayName() {
        return displayName;
    }

    /** The sampler for an sd-scripts name ({@code k_} aliases included), or empty when there is no built-in one. */
    public static Optional<SamplerKind> forName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("k_")) {
            n = n.substring(2);
        }
        for (SamplerKind k : values()) {
            if (k.id.equals(n) || k.displayName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
