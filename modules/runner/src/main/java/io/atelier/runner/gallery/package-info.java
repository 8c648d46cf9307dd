/** The epoch gallery's logic over the store: what a run's gallery holds, and making the images it lacks. */
package io.atelier.runner.gallery;
