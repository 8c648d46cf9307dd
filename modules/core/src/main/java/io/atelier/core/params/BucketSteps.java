package io.atelier.core.params;

import io.atelier.core.buckets.Bucket;

/**
 * One bucket's share of an epoch.
 *
 * @param bucket  the training resolution
 * @param images  images in it
 * @param items   images × repeats
 * @param batches {@code ceil(items / batch size)}: batches never mix buckets
 */
public record BucketSteps(Bucket bucket, int images, long items, long batches) {
}
