package io.atelier.core.lora.inspect;

/**
 * A tag of the training captions and how often it occurred, summed over the dataset folders of
 * {@code ss_tag_frequency}.
 */
public record TrainedTag(String tag, long count) {
}
