package io.atelier.gallery.grid;

import io.atelier.core.gallery.SampleImage;
import io.atelier.core.sampling.SamplePrompt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prompts to generate with when the run's config has none that parse (an imported run, an edited config): those
 * its samples were made with, newest per prompt index. Only when the indices run 0, 1, 2, … so that the generated
 * images land in the same columns.
 */
final class SamplePrompts {

    private SamplePrompts() {
    }

    static Optional<List<SamplePrompt>> fromSamples(List<SampleImage> samples) {
        Map<Integer, SampleImage> newest = new TreeMap<>();
        samples.stream().sorted(Comparator.comparing(SampleImage::created))
                .forEach(s -> newest.put(s.promptIndex(), s));
        List<SamplePrompt> prompts = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<Integer, SampleImage> e : newest.entrySet()) {
            if (e.getKey() != expected++) {
                return Optional.empty();
            }
            SampleImage s = e.getValue();
            try {
                prompts.add(new SamplePrompt(s.prompt(), s.negativePrompt(), s.width(), s.height(),
                        s.seed() == null ? 0 : Math.toIntExact(s.seed()), s.cfgScale(), s.steps(),
                        s.sampler().isEmpty() ? Optional.empty() : Optional.of(s.sampler())));
            } catch (IllegalArgumentException | ArithmeticException ex) {
                return Optional.empty(); // a sample made outside the rules (a huge seed, odd size): not a template
            }
        }
        return prompts.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(prompts));
    }
}
