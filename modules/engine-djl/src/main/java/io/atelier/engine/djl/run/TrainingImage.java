package io.atelier.engine.djl.run;

import io.atelier.core.buckets.Bucket;
import io.atelier.core.buckets.BucketAssignment;

/**
 * One dataset image ready for training: its bucket, its caption, and (once encoded) its scaled VAE latents
 * {@code [4, h/8, w/8]} kept in Java memory for the whole run.
 */
final class TrainingImage {

    private final String file;
    private final String caption;
    private final BucketAssignment assignment;
    private float[] latents;

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
}
