package io.atelier.core.lora;

import java.util.Optional;

/** The three tensor names kohya stores per LoRA module, and the module name back from any of them. */
public final class LoraTensorNames {

    public static final String DOWN_SUFFIX = ".lora_down.weight";
    public static final String UP_SUFFIX = ".lora_up.weight";
    public static final String ALPHA_SUFFIX = ".alpha";

    private LoraTensorNames() {
    }

    public static String down(String kohyaName) {
        return kohyaName + DOWN_SUFFIX;
    }

    public static String up(String kohyaName) {
        return kohyaName + UP_SUFFIX;
    }

    public static String alpha(String kohyaName) {
        return kohyaName + ALPHA_SUFFIX;
    }

    /** The module name of a LoRA tensor name, or empty when it is none of the three. */
    public static Optional<String> moduleOf(String tensorName) {
        for (String suffix : new String[] {DOWN_SUFFIX, UP_SUFFIX, ALPHA_SUFFIX}) {
            if (tensorName.endsWith(suffix) && tensorName.length() > suffix.length()) {
                return Optional.of(tensorName.substring(0, tensorName.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }
}
