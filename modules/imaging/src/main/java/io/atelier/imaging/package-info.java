/** Image decoding, resampling, quality measures and perceptual hashes for datasets. No Swing. */
package io.atelier.imaging;
