package io.atelier.sampler.comfyui;

import io.atelier.core.run.EngineSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The sampler's settings on this machine: where ComfyUI answers, its {@code models/loras} folder (needed only for
 * requests with a LoRA) and how long one image may take.
 *
 * @param base  the server's address without a trailing slash, e.g. {@code http://127.0.0.1:8188}
 * @param loras ComfyUI's {@code models/loras} folder, when set
 */
record ComfySettings(String base, Optional<Path> loras, Duration timeout) {

    static final String URL = "url";
    static final String LORAS = "loras";
    static final String TIMEOUT = "timeout";
    static final String DEFAULT_URL = "http://127.0.0.1:8188";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    /** @throws IllegalArgumentException naming the setting and what is wrong with it */
    static ComfySettings from(EngineSettings settings) {
        String url = settings.get(URL, DEFAULT_URL).replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("ComfyUI address \"" + url + "\" is not an http:// address "
                        + "(e.g. " + DEFAULT_URL + ")");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ComfyUI address \"" + url + "\" is not a URL: " + e.getMessage(), e);
        }
        Optional<Path> loras;
        try {
            loras = settings.get(LORAS).map(Path::of);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("ComfyUI loras folder \"" + settings.get(LORAS).orElse("")
                    + "\" is not a path: " + e.getMessage(), e);
        }
        return new ComfySettings(url, loras, timeout(settings));
    }

    private static Duration timeout(EngineSettings settings) {
        Optional<String> text = settings.get(TIMEOUT);
        if (text.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ComfyUI timeout \"" + text.get() + "\" is not a number of seconds",
                    e);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("ComfyUI timeout " + text.get() + " must be a positive number of "
                    + "seconds");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** The timeout as the user wrote it: whole seconds where it is whole. */
    String timeoutText() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }
}
