package io.atelier.sampler.comfyui;

import java.util.List;
import java.util.Optional;

/**
 * Finds a file among the names a ComfyUI list input offers. ComfyUI names files by their path under the model folder
 * with the server's separator ({@code SDXL/ponyV6.safetensors}, {@code SDXL\ponyV6.safetensors} on Windows), so a
 * file is matched by its last segment, case-sensitively as ComfyUI itself compares.
 */
final class ServerFiles {

    private static final int LISTED = 10;

    private ServerFiles() {
    }

    /** The first listed name whose last segment is {@code fileName}. */
    static Optional<String> byFileName(List<String> listed, String fileName) {
        return listed.stream().filter(n -> lastSegment(n).equals(fileName)).findFirst();
    }

    /** The listed name that is {@code relative} ({@code /}-separated) under the model folder. */
    static Optional<String> byPath(List<String> listed, String relative) {
        return listed.stream().filter(n -> n.replace('\\', '/').equals(relative)).findFirst();
    }

    /** The first ten names, then how many more, for a message. */
    static String sample(List<String> listed) {
        if (listed.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", listed.subList(0, Math.min(LISTED, listed.size())));
        return listed.size() > LISTED ? shown + " and " + (listed.size() - LISTED) + " more" : shown;
    }

    private static String lastSegment(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
