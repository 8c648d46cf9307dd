package io.atelier.engine.djl.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.core.lora.Sd15LoraNames;
import io.atelier.core.safetensors.SafetensorsFile;
import io.atelier.core.safetensors.SafetensorsTensor;
import io.atelier.engine.djl.checkpoint.CheckpointException;
import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.model.unet.Sd15Unet;
import io.atelier.engine.djl.nn.LoraTarget;
import io.atelier.engine.djl.nn.OwnedArrays;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A kohya LoRA file (ours or sd-scripts', diffusers or LDM block names) applied to a loaded SD 1.5 model for
 * sampling: one frozen module per {@code <name>.lora_down.weight}/{@code .lora_up.weight}/{@code .alpha} triple, at
 * a strength. Files the model cannot take are refused whole, naming the file and why: another family's LoRA, LyCORIS
 * kinds (LoHa, LoKr, DoRA), LoCon's 3×3 conv modules, shapes that do not fit. Closing it detaches every module.
 */
public final class AppliedLora implements AutoCloseable {

    private static final String DOWN = ".lora_down.weight";
    private static final String UP = ".lora_up.weight";
    private static final String ALPHA = ".alpha";

    private final Path file;
    private final NDManager manager;
    private final List<LoraModule> modules;

    private AppliedLora(Path file, NDManager manager, List<LoraModule> modules) {
        this.file = file;
        this.manager = manager;
        this.modules = modules;
    }

    /**
     * Reads {@code file} and attaches its modules.
     *
     * @param textEncoder may be null when the file has no text-encoder modules
     * @param strength    the multiplier on every module's output (1 = as trained)
     * @throws CheckpointException naming the file and the problem
     */
    public static AppliedLora apply(Path file, Sd15Unet unet, ClipTextEncoder textEncoder, float strength,
            NDManager parent) throws IOException {
        Map<String, LoraTarget> targets = new HashMap<>();
        unet.loraTargets().forEach(t -> targets.put(t.modulePath(), t));
        if (textEncoder != null) {
            textEncoder.loraTargets().forEach(t -> targets.put(t.modulePath(), t));
        }
        try (SafetensorsFile lora = SafetensorsFile.open(file)) {
            Map<String, Map<String, SafetensorsTensor>> byModule = groupByModule(file, lora);
            NDManager manager = parent.newSubManager();
            List<LoraModule> modules = new ArrayList<>();
            try {
                for (Map.Entry<String, Map<String, SafetensorsTensor>> e : byModule.entrySet()) {
                    LoraTarget target = target(file, e.getKey(), targets, textEncoder != null);
                    modules.add(module(lora, e.getKey(), e.getValue(), target, strength, manager));
                }
            } catch (IOException | RuntimeException ex) {
                modules.forEach(LoraModule::detach);
                manager.close();
                throw ex;
            }
            if (modules.isEmpty()) {
                manager.close();
                throw new CheckpointException(file, "has no LoRA modules (no *.lora_down.weight tensors)");
            }
            return new AppliedLora(file, manager, List.copyOf(modules));
        }
    }

    private static Map<String, Map<String, SafetensorsTensor>> groupByModule(Path file, SafetensorsFile lora)
            throws CheckpointException {
        Map<String, Map<String, SafetensorsTensor>> byModule = new TreeMap<>();
        for (SafetensorsTensor t : lora.tensors()) {
            String name = t.name();
            String suffix = Arrays.stream(new String[]{DOWN, UP, ALPHA}).filter(name::endsWith).findFirst()
                    .orElseThrow(() -> new CheckpointException(file, "has the tensor '" + name + "', which is "
                            + kindOf(name) + "; the built-in sampler applies kohya LoRA modules only "
                            + "(lora_down / lora_up / alpha)"));
            String module = name.substring(0, name.length() - suffix.length());
            byModule.computeIfAbsent(module, k -> new HashMap<>()).put(suffix, t);
        }
        return byModule;
    }

    private static String kindOf(String tensor) {
        if (tensor.contains("hada_")) {
            return "a LyCORIS LoHa weight";
        }
        if (tensor.contains("lokr_")) {
            return "a LyCORIS LoKr weight";
        }
        if (tensor.endsWith("dora_scale")) {
            return "a DoRA weight";
        }
        return "not part of a kohya LoRA module";
    }

    private static LoraTarget target(Path file, String module, Map<String, LoraTarget> targets, boolean withText)
            throws CheckpointException {
        String ldm = Sd15LoraNames.ldmPath(module).orElseThrow(() -> new CheckpointException(file,
                "has the module '" + module + "', " + whyNotSd15(module)));
        LoraTarget target = targets.get(ldm);
        if (target == null) {
            throw new CheckpointException(file, "has the module '" + module + "' for " + ldm
                    + (withText || !ldm.startsWith(Sd15LoraNames.TE_LDM_PREFIX)
                            ? ", which this model does not have" : ", but the text encoder is not loaded"));
        }
        return target;
    }

    private static String whyNotSd15(String module) {
        if (module.startsWith("lora_te1_") || module.startsWith("lora_te2_")) {
            return "which is an SDXL text-encoder module: this is an SDXL LoRA, not an SD 1.5 one";
        }
        if (module.contains("_resnets_") || module.contains("_downsamplers_") || module.contains("_upsamplers_")
                || module.contains("_conv_in") || module.contains("_conv_out")) {
            return "a LoCon convolution module, which the built-in sampler does not apply";
        }
        return "which is not an SD 1.5 LoRA target";
    }

    private static LoraModule module(SafetensorsFile lora, String module, Map<String, SafetensorsTensor> tensors,
            LoraTarget target, float strength, NDManager manager) throws IOException {
        Path file = lora.file();
        SafetensorsTensor down = tensors.get(DOWN);
        SafetensorsTensor up = tensors.get(UP);
        if (down == null || up == null) {
            throw new CheckpointException(file, "module '" + module + "' has no " + (down == null ? DOWN : UP));
        }
        long[] ds = down.shape();
        long[] us = up.shape();
        long rank = ds.length == 0 ? 0 : ds[0];
        boolean fits = (ds.length == 2 || ds.length == 4 && ds[2] == 1 && ds[3] == 1)
                && (us.length == 2 || us.length == 4 && us[2] == 1 && us[3] == 1)
                && ds[1] == target.inFeatures() && us[0] == target.outFeatures() && us[1] == rank && rank > 0;
        if (!fits) {
            throw new CheckpointException(file, "module '" + module + "' has down " + Arrays.toString(ds) + " and up "
                    + Arrays.toString(us) + ", which do not fit " + target.modulePath() + " (" + target.inFeatures()
                    + " in, " + target.outFeatures() + " out)");
        }
        float alpha = rank;
        SafetensorsTensor alphaTensor = tensors.get(ALPHA);
        if (alphaTensor != null) {
            float[] a = lora.readFloats(alphaTensor.name());
            if (a.length != 1 || !Float.isFinite(a[0])) {
                throw new CheckpointException(file, "module '" + module + "' has an alpha that is not one number");
            }
            alpha = a[0];
        }
        // kohya's shapes for the target's kind: 1×1 convs carry trailing 1, 1, Linear layers none
        boolean conv = target.kind() == LoraTarget.Kind.CONV_1X1;
        Shape downShape = conv ? new Shape(rank, ds[1], 1, 1) : new Shape(rank, ds[1]);
        Shape upShape = conv ? new Shape(us[0], rank, 1, 1) : new Shape(us[0], rank);
        NDArray d = OwnedArrays.of(manager, lora.readFloats(down.name()), downShape);
        NDArray u = OwnedArrays.of(manager, lora.readFloats(up.name()), upShape);
        return LoraModule.attachSaved(target, d, u, alpha, strength);
    }

    public Path file() {
        return file;
    }

    public List<LoraModule> modules() {
        return modules;
    }

    @Override
    public void close() {
        modules.forEach(LoraModule::detach);
        manager.close();
    }
}
