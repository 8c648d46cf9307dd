package io.atelier.imaging.report;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where the quality check keeps {@link ImageMeasures} by content hash between runs, so reopening a dataset of
 * thousands of images decodes only the new ones. The app and the CLI back it with the store; implementations must be
 * thread-safe (the check runs on several threads) and must not fail the check: a cache that cannot answer is a miss.
 */
public interface MeasureCache {

    MeasureCache NONE = new MeasureCache() {
        @Override
        public Optional<ImageMeasures> get(String sha256) {
            return Optional.empty();
        }

        @Override
        public void put(String sha256, ImageMeasures measures) {
        }
    };

    /**
     * A cache over any text store (the app's H2 store): measures kept as JSON under the content hash. Use a store
     * area named after {@link ImageMeasures#VERSION}, so measures of another build never mix in.
     */
    static MeasureCache textBacked(Function<String, Optional<String>> load, BiConsumer<String, String> save) {
        return new MeasureCache() {
            @Override
            public Optional<ImageMeasures> get(String sha256) {
                return load.apply(sha256).map(ImageMeasures::fromJson);
            }

            @Override
            public void put(String sha256, ImageMeasures measures) {
                save.accept(sha256, measures.toJson());
            }
        };
    }

    Optional<ImageMeasures> get(String sha256);

    void put(String sha256, ImageMeasures measures);
}
