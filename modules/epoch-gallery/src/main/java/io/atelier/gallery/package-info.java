/** The epoch gallery and run comparison windows (UI over the runner's gallery logic). */
package io.atelier.gallery;
