package io.atelier.core.lora.inspect;

import io.atelier.core.safetensors.SafetensorsTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups a LoRA file's tensors into modules by kohya's naming ({@code <module>.<tensor>}, the module name free of
 * dots) and tells each module's kind from the tensors it has. Tensors that fit no known pattern are kept as
 * {@link KeyPattern}s: a format we do not know is reported, not refused.
 */
final class ModuleScan {

    private static final Set<String> LORA = Set.of("lora_down.weight", "lora_up.weight", "lora_mid.weight");
    private static final Set<String> LOHA = Set.of("hada_w1_a", "hada_w1_b", "hada_w2_a", "hada_w2_b", "hada_t1",
            "hada_t2");
    private static final Set<String> LOKR = Set.of("lokr_w1", "lokr_w1_a", "lokr_w1_b", "lokr_w2", "lokr_w2_a",
            "lokr_w2_b", "lokr_t2");
    private static final String ALPHA = "alpha";
    private static final String DORA_SCALE = "dora_scale";

    private final List<ScannedModule> modules = new ArrayList<>();
    private final Map<String, KeyPattern> unknown = new LinkedHashMap<>();
    private final List<LoraProblem> problems = new ArrayList<>();

    private ModuleScan() {
    }

    static ModuleScan of(List<SafetensorsTensor> tensors) {
        ModuleScan scan = new ModuleScan();
        Map<String, Map<String, SafetensorsTensor>> byModule = new LinkedHashMap<>();
        for (SafetensorsTensor t : tensors) {
            int dot = t.name().indexOf('.');
            String suffix = dot < 0 ? "" : t.name().substring(dot + 1);
            boolean known = LORA.contains(suffix) || LOHA.contains(suffix) || LOKR.contains(suffix)
                    || ALPHA.equals(suffix) || DORA_SCALE.equals(suffix);
            if (dot > 0 && known && ModulePart.of(t.name().substring(0, dot)).isPresent()) {
                byModule.computeIfAbsent(t.name().substring(0, dot), k -> new LinkedHashMap<>()).put(suffix, t);
            } else {
                scan.unknown(t.name());
            }
        }
        byModule.forEach(scan::module);
        return scan;
    }

    List<ScannedModule> modules() {
        return modules;
    }

    List<KeyPattern> unknownKeys() {
        return List.copyOf(unknown.values());
    }

    List<LoraProblem> problems() {
        return problems;
    }

    private void module(String name, Map<String, SafetensorsTensor> tensors) {
        ModulePart part = ModulePart.of(name).orElseThrow();
        boolean loha = tensors.keySet().stream().anyMatch(LOHA::contains);
        boolean lokr = tensors.keySet().stream().anyMatch(LOKR::contains);
        SafetensorsTensor down = tensors.get("lora_down.weight");
        SafetensorsTensor up = tensors.get("lora_up.weight");
        if (!loha && !lokr && down == null && up == null) {
            // an alpha or dora_scale alone adapts nothing: not a module we can describe
            tensors.values().forEach(t -> unknown(t.name()));
            return;
        }
        if (loha && lokr) {
            problems.add(new LoraProblem(name, "module " + name + " has both LoHa (hada_*) and LoKr (lokr_*) "
                    + "tensors; it is counted as LoHa"));
        }
        if (!loha && !lokr && (down == null || up == null)) {
            problems.add(new LoraProblem(name, "module " + name + " has " + (down == null ? "lora_up" : "lora_down")
                    + " but no " + (down == null ? "lora_down" : "lora_up") + " (incomplete module)"));
        }
        NetworkKind kind;
        Integer rank;
        Long inputWidth = null;
        boolean kernel = false;
        if (loha) {
            kind = NetworkKind.LOHA;
            SafetensorsTensor w1b = tensors.get("hada_w1_b"); // [rank, in]
            rank = w1b == null ? null : dim(w1b, 0);
            inputWidth = w1b == null || w1b.shape().length != 2 ? null : w1b.shape()[1];
        } else if (lokr) {
            kind = NetworkKind.LOKR;
            SafetensorsTensor factor = tensors.getOrDefault("lokr_w2_b", tensors.get("lokr_w1_b")); // [rank, …]
            rank = factor == null ? null : dim(factor, 0); // full lokr_w1/lokr_w2 matrices have no rank
        } else {
            kind = tensors.containsKey(DORA_SCALE) ? NetworkKind.DORA : NetworkKind.LORA;
            rank = down != null ? dim(down, 0) : dim(up, 1);
            if (down != null && down.shape().length >= 2) {
                long[] s = down.shape();
                inputWidth = s[1];
                kernel = s.length == 4 && (s[2] > 1 || s[3] > 1);
            }
        }
        UnetRole role = null;
        if (part == ModulePart.UNET) {
            role = kernel ? UnetRole.CONV : UnetRole.of(name.substring(part.prefix().length()));
            if (kind == NetworkKind.LORA && role == UnetRole.CONV) {
                kind = NetworkKind.LOCON;
            }
        }
        String alphaKey = tensors.containsKey(ALPHA) ? tensors.get(ALPHA).name() : null;
        modules.add(new ScannedModule(name, part, role, kind, rank, inputWidth, alphaKey));
    }

    private static Integer dim(SafetensorsTensor t, int index) {
        long[] shape = t.shape();
        return shape.length > index && shape[index] <= Integer.MAX_VALUE ? (int) shape[index] : null;
    }

    private void unknown(String tensorName) {
        String pattern = tensorName.replaceAll("\\d+", "#");
        unknown.merge(pattern, new KeyPattern(pattern, 1, tensorName),
                (a, b) -> new KeyPattern(a.pattern(), a.count() + 1, a.example()));
    }

    /** The kind of the whole file: LoRA with some LoCon convs is LoCon, DoRA on either is DoRA. */
    static NetworkKind overall(Map<NetworkKind, Integer> kinds) {
        Set<NetworkKind> present = kinds.keySet();
        if (present.isEmpty()) {
            return NetworkKind.UNKNOWN;
        }
        if (present.size() == 1) {
            return present.iterator().next();
        }
        if (present.stream().allMatch(k -> k == NetworkKind.LORA || k == NetworkKind.LOCON || k == NetworkKind.DORA)) {
            return present.contains(NetworkKind.DORA) ? NetworkKind.DORA : NetworkKind.LOCON;
        }
        return NetworkKind.MIXED;
    }

    static Optional<ScannedModule> first(List<ScannedModule> modules, ModulePart part) {
        return modules.stream().filter(m -> m.part() == part).findFirst();
    }
}
