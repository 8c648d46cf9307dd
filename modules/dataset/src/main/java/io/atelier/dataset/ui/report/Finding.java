package io.atelier.dataset.ui.report;

/** One finding about one image, in words, and whether the user kept it (dismissed it). */
public record Finding(FindingKind kind, String text, boolean kept) {
}
