/** High-quality resizing of dataset images to the training resolution (long side 1024, 1536 or 2048 px). No Swing. */
package io.atelier.imaging.resample;
