/**
 * Captions: the comma-separated tags in the {@code .txt} beside each image, read and written exactly and atomically,
 * batch edits with preview and undo, tag statistics and tag expressions.
 */
package io.atelier.core.caption;
