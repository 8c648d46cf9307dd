package io.atelier.core.params;

import io.atelier.core.buckets.ImageSize;
import java.util.List;

/**
 * What the checks need to know about a project's dataset.
 *
 * @param sizes           stored sizes of the readable images (as sd-scripts buckets them)
 * @param uncaptioned     images without a non-empty caption
 * @param triggerNotFirst captioned images whose caption does not start with the trigger word
 */
public record DatasetFacts(List<ImageSize> sizes, List<String> uncaptioned, List<String> triggerNotFirst) {

    public DatasetFacts {
        sizes = List.copyOf(sizes);
        uncaptioned = List.copyOf(uncaptioned);
        triggerNotFirst = List.copyOf(triggerNotFirst);
    }
}
