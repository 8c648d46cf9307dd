/** Writing images: PNG and JPEG, atomically. */
package io.atelier.imaging.encode;
