/** Prepare: every dataset image resized to one long side, written as PNG or JPEG, renamed 01, 02, ...; undoable. */
package io.atelier.imaging.prepare;
