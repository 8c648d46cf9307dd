package io.atelier.core.params;

/** The groups of the parameter sheet, in the order they are shown. */
public enum Section {
    MODEL("Model"),
    DATASET("Dataset"),
    NETWORK("Network"),
    OPTIMIZER("Optimizer"),
    SCHEDULE("Schedule"),
    SAVING_SAMPLING("Saving & Sampling"),
    ADVANCED("Advanced");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
