package io.atelier.engine.djl.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.atelier.engine.djl.model.clip.ClipTextEncoder;
import io.atelier.engine.djl.model.unet.Sd15Unet;
import io.atelier.engine.djl.nn.LoraTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A kohya {@code networks.lora} network attached to an SD 1.5 U-Net and, unless U-Net only, its text encoder: one
 * {@link LoraModule} per target (the U-Net transformers' proj_in/proj_out, attn1/attn2 to_q/to_k/to_v/to_out.0,
 * ff.net.0.proj, ff.net.2; the text encoder's q/k/v/out_proj, fc1, fc2). Its weights live in their own manager;
 * closing the network detaches every module and frees them.
 */
public final class LoraNetwork implements AutoCloseable {

    private final NDManager manager;
    private final LoraConfig config;
    private final List<LoraModule> unetModules;
    private final List<LoraModule> textModules;

    private LoraNetwork(NDManager manager, LoraConfig config, List<LoraModule> unetModules,
            List<LoraModule> textModules) {
        this.manager = manager;
        this.config = config;
        this.unetModules = unetModules;
        this.textModules = textModules;
    }

    /**
     * Attaches a new network.
     *
     * @param textEncoder ignored when the config is U-Net only; may be null then
     * @param parent      the network's manager is a sub-manager of this one
     */
    public static LoraNetwork attach(Sd15Unet unet, ClipTextEncoder textEncoder, LoraConfig config,
            NDManager parent) {
        if (!config.unetOnly() && textEncoder == null) {
            throw new IllegalArgumentException("a LoRA on the text encoder needs the text encoder; "
                    + "load it, or train the U-Net only");
        }
        NDManager manager = parent.newSubManager();
        // one generator for the initial weights, another for dropout, so turning dropout on keeps the same start
        Random init = new Random(config.seed());
        Random dropout = new Random(config.seed() ^ 0x5DEECE66DL);
        List<LoraModule> unetModules = new ArrayList<>();
        List<LoraModule> textModules = new ArrayList<>();
        try {
            if (!config.unetOnly()) {
                for (LoraTarget t : textEncoder.loraTargets()) {
                    textModules.add(LoraModule.attach(t, config, manager, init, dropout));
                }
            }
            for (LoraTarget t : unet.loraTargets()) {
                unetModules.add(LoraModule.attach(t, config, manager, init, dropout));
            }
        } catch (RuntimeException e) {
            textModules.forEach(LoraModule::detach);
            unetModules.forEach(LoraModule::detach);
            manager.close();
            throw e;
        }
        return new LoraNetwork(manager, config, List.copyOf(unetModules), List.copyOf(textModules));
    }

    /** Dropout applies only while training. */
    public void setTraining(boolean training) {
        unetModules.forEach(m -> m.setTraining(training));
        textModules.forEach(m -> m.setTraining(training));
    }

    public List<LoraModule> unetModules() {
        return unetModules;
    }

    public List<LoraModule> textModules() {
        return textModules;
    }

    public List<LoraModule> modules() {
        List<LoraModule> all = new ArrayList<>(textModules);
        all.addAll(unetModules);
        return Collections.unmodifiableList(all);
    }

    /** The trainable weights by name ({@code <module path>.lora_down.weight} / {@code .lora_up.weight}). */
    public Map<String, NDArray> parameters(List<LoraModule> modules) {
        Map<String, NDArray> params = new LinkedHashMap<>();
        for (LoraModule m : modules) {
            params.put(m.down().getName(), m.down());
            params.put(m.up().getName(), m.up());
        }
        return params;
    }

    public long parameterCount() {
        long n = 0;
        for (LoraModule m : modules()) {
            n += m.down().size() + m.up().size();
        }
        return n;
    }

    public LoraConfig config() {
        return config;
    }

    @Override
    public void close() {
        textModules.forEach(LoraModule::detach);
        unetModules.forEach(LoraModule::detach);
        manager.close();
    }
}
