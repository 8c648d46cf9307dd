/** Importing images (files, folders, zip archives) with their captions into a project's dataset. No Swing. */
package io.atelier.imaging.importing;
