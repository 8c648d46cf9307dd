package io.atelier.dataset.ui.grid;

import java.awt.Color;

/** A short marker on a cell, e.g. "BLUR" for a blurry image; {@code tooltip} says what it means. */
public record Badge(String text, Color color, String tooltip) {
}
