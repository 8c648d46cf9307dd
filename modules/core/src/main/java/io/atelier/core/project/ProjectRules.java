package io.atelier.core.project;

/** Validation of a project's display name. */
final class ProjectRules {

    private ProjectRules() {
    }

    static String requireName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("The project name is empty.");
        }
        if (n.length() > 120 || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The project name must be at most 120 characters without control characters.");
        }
        return n;
    }
}
