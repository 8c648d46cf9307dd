/**
 * Safe image decoding for datasets: header probing with decompression-bomb limits, decoding of all common
 * formats to opaque sRGB with EXIF orientation applied. No Swing.
 */
package io.atelier.imaging.decode;
