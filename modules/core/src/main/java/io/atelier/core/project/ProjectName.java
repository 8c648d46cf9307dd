package io.atelier.core.project;

/** The rule for a project's display name, shared by the descriptor, the wizard and the command line. */
public final class ProjectName {

    private ProjectName() {
    }

    /** Returns the trimmed name, or throws with a message saying what is wrong. */
    public static String require(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("The project name is empty.");
        }
        if (n.length() > 120 || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The project name must be at most 120 characters without tabs, "
                    + "line breaks or other control characters.");
        }
        return n;
    }
}
