/** Thread pools sized for decoding whole images. */
package io.atelier.imaging.work;
