package io.atelier.engine.djl.run;

import io.atelier.core.buckets.Bucket;
import io.atelier.core.buckets.BucketAssignment;

/**
 * One dataset image ready for training: its bucket, its caption, and (once encoded) its scaled VAE latents
 * {@code [4, h/8, w/8]} kept in Java memory for the whole run (with flip_aug also those of the mirrored image, as
 * sd-scripts caches both).
 */
final class TrainingImage {

    private final String file;
    private final String caption;
    private final BucketAssignment assignment;
    private float[] latents;
    private float[] flippedLatents;

    TrainingImage(String file, String caption, BucketAssignment assignment) {
        this.file = file;
        this.caption = caption;
        this.assignment = assignment;
    }

    String file() {
        return file;
    }

    String caption() {
        return caption;
    }

    BucketAssignment assignment() {
        return assignment;
    }

    Bucket bucket() {
        return assignment.bucket();
    }

    float[] latents() {
        if (latents == null) {
            throw new IllegalStateException(file + " has not been encoded");
        }
        return latents;
    }

    void latents(float[] values) {
        this.latents = values;
    }

    /** The latents of the mirrored image (flip_aug), or null when flipping is off. */
    float[] flippedLatents() {
        return flippedLatents;
    }

    void flippedLatents(float[] values) {
        this.flippedLatents = values;
    }

    /** With flip_aug, the mirrored image half of the time (sd-scripts draws per sample and step). */
    float[] latentsFor(java.util.Random random) {
        return flippedLatents != null && random.nextBoolean() ? flippedLatents : latents();
    }
}
