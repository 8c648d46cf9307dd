/** The epoch gallery's model: sample images with what made them, the epoch × prompt grid, picks and ratings. */
package io.atelier.core.gallery;
