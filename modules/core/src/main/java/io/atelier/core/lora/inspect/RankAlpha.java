package io.atelier.core.lora.inspect;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A LoRA's rank (dim) and alpha: the headline values from {@code ss_network_dim}/{@code ss_network_alpha} when the
 * metadata has them, else from the tensors when every module agrees; and what the tensors hold, since resized or
 * LoCon files have several ranks.
 *
 * @param dim         the rank; null when unknown or when modules differ (see min/max)
 * @param dimSource   {@code metadata}, {@code tensors}, or null when {@code dim} is null
 * @param alpha       the alpha; null when unknown or when modules differ
 * @param alphaSource {@code metadata}, {@code tensors}, or null
 * @param ranks       the distinct ranks of the modules, ascending
 * @param alphas      the distinct {@code .alpha} values, ascending
 * @param minRank     null when no module shows a rank
 * @param maxRank     null when no module shows a rank
 * @param minAlpha    null when no module has an alpha
 * @param maxAlpha    null when no module has an alpha
 */
public record RankAlpha(Integer dim, String dimSource, Double alpha, String alphaSource, List<Integer> ranks,
                        List<Double> alphas, Integer minRank, Integer maxRank, Double minAlpha, Double maxAlpha) {

    public static final String METADATA = "metadata";
    public static final String TENSORS = "tensors";

    /** F16 stores an alpha such as 0.1 only approximately; closer than this is the same alpha. */
    private static final double ALPHA_TOLERANCE = 1e-3;

    public RankAlpha {
        ranks = List.copyOf(ranks);
        alphas = List.copyOf(alphas);
    }

    /** True when modules have more than one rank or alpha. */
    public boolean varies() {
        return ranks.size() > 1 || alphas.size() > 1;
    }

    static RankAlpha of(Collection<Integer> moduleRanks, Collection<Double> moduleAlphas, MetadataValues metadata,
            List<String> notes) {
        TreeSet<Integer> ranks = new TreeSet<>(moduleRanks.stream().filter(Objects::nonNull).toList());
        TreeSet<Double> alphas = new TreeSet<>(moduleAlphas);
        Integer metaDim = number(metadata, "ss_network_dim", notes) ? metadata.integer("ss_network_dim") : null;
        Double metaAlpha = number(metadata, "ss_network_alpha", notes) ? metadata.decimal("ss_network_alpha") : null;
        if (metaDim != null && !ranks.isEmpty() && !ranks.contains(metaDim)) {
            metadata.problem("ss_network_dim", "ss_network_dim is " + metaDim + " but the modules have rank "
                    + range(ranks) + " (was the file resized without updating its metadata?)");
        }
        if (metaAlpha != null && !alphas.isEmpty()
                && alphas.stream().noneMatch(a -> Math.abs(a - metaAlpha) <= ALPHA_TOLERANCE * Math.max(1, metaAlpha))) {
            metadata.problem("ss_network_alpha", "ss_network_alpha is " + metaAlpha + " but the modules' .alpha "
                    + "tensors are " + range(alphas));
        }
        Integer dim = metaDim != null ? metaDim : ranks.size() == 1 ? ranks.first() : null;
        Double alpha = metaAlpha != null ? metaAlpha : alphas.size() == 1 ? alphas.first() : null;
        return new RankAlpha(dim, source(metaDim, dim), alpha, source(metaAlpha, alpha), List.copyOf(ranks),
                List.copyOf(alphas), ranks.isEmpty() ? null : ranks.first(), ranks.isEmpty() ? null : ranks.last(),
                alphas.isEmpty() ? null : alphas.first(), alphas.isEmpty() ? null : alphas.last());
    }

    /** resize_lora.py writes "Dynamic" for a dynamically resized file: a note, not a problem; the tensors tell. */
    private static boolean number(MetadataValues metadata, String key, List<String> notes) {
        String text = metadata.text(key);
        if (text != null && MetadataValues.parseDecimal(text).isEmpty()) {
            notes.add(key + " is \"" + text + "\", not a number, so the value comes from the tensors");
            return false;
        }
        return true;
    }

    private static String source(Object fromMetadata, Object value) {
        return fromMetadata != null ? METADATA : value != null ? TENSORS : null;
    }

    private static <T extends Comparable<T>> String range(TreeSet<T> values) {
        return values.size() == 1 ? String.valueOf(values.first()) : values.first() + "–" + values.last();
    }
}
