package io.atelier.imaging.report;

/** An image file that could not be checked, with the reason (the decoder's message, which starts with the path). */
public record FileProblem(String file, String message) {
}
