package io.atelier.sampler.comfyui;

/** An image a node wrote, as the history lists it: what {@code GET /view} needs to serve it. */
record OutputImage(String filename, String subfolder, String type) {
}
