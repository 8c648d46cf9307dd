package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.all;
import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import io.atelier.core.gallery.SampleImage;
import io.atelier.core.params.Params;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.core.run.RunState;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.lora.LoraFileWriter;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.safetensors.SafetensorsDtype;
import io.atelier.core.sampling.GenerationListener;
import io.atelier.core.sampling.GenerationRequest;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.core.sampling.SamplePrompt;
import io.atelier.runner.RunService;
import io.atelier.store.RunFile;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import java.awt.Component;
import java.awt.Point;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JDialog;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.project.Project;
import org.netbeans.spi.project.ui.LogicalViewProvider;
import org.openide.nodes.Node;
import org.openide.util.ContextAwareAction;
import org.openide.util.Lookup;
import org.openide.windows.TopComponent;

/**
 * The epoch gallery with real generated images: a finished run with 4 saved epochs is put into the app's store, and
 * its samples (base model + 4 epochs × 3 prompts) are made by the app's own built-in sampler, found through Lookup,
 * on a tiny generated SD 1.5 checkpoint with a LoRA file per epoch that grows stronger, then recorded with
 * {@code store.gallery().add}; the window is opened from the project node's Gallery action; → and ↓ move the selection, Space marks a
 * cell, B picks the best epoch (in the store), Enter opens the full view, F flips to the marked cell, Escape closes
 * it; screenshot {@code target/atelier-gallery.png}.
 */
final class GalleryWindowCheck {

    private static final String BASE = "tiny-sd15.safetensors";
    /** The tiny checkpoint's text encoder: 2 layers of width 48. */
    private static final int TEXT_LAYERS = 2;
    private static final int TEXT_WIDTH = 48;
    /** The tiny tokenizer's words. */
    private static final String[] PROMPTS = {"hello world", "red world", "hello, red"};
    private static final int EPOCHS = 4;

    private GalleryWindowCheck() {
    }

    static void run(Project project, Path folder) throws Exception {
        UUID run = UUID.randomUUID();
        Path runDir = folder.resolve("runs").resolve(run.toString());
        // the images first (the app's own sampler, a few seconds): a run left RUNNING that long would be found
        // without a process by the app's runner and marked interrupted
        // written by the build (test-fixtures' TinySd15Files): that jar is not on the module suite's class path
        Path fixtures = Path.of(System.getProperty("atelier.fixtures"));
        Path checkpoint = fixtures.resolve(BASE);
        Path tokenizer = fixtures.resolve("tokenizer");
        List<GenerationRequest> requests = new ArrayList<>();
        List<SampleImage> samples = new ArrayList<>();
        List<RunFile> checkpoints = new ArrayList<>();
        Instant t = Instant.now().minusSeconds(600);
        for (int epoch = 0; epoch <= EPOCHS; epoch++) {
            Path lora = null;
            if (epoch > 0) {
                lora = runDir.resolve("out").resolve(String.format(Locale.ROOT, "gmtrc_style-%06d.safetensors",
                        epoch));
                Files.createDirectories(lora.getParent());
                writeLora(lora, epoch);
                checkpoints.add(new RunFile(lora, RunFile.Kind.CHECKPOINT, epoch, epoch * 100L, -1, Instant.now()));
            }
            for (int p = 0; p < PROMPTS.length; p++) {
                Path png = runDir.resolve("out/sample").resolve(String.format(Locale.ROOT,
                        "gmtrc_style_e%06d_%02d_20261129101500_%d.png", epoch, p, 1000 + p));
                SamplePrompt prompt = new SamplePrompt(PROMPTS[p], "", 64, 64, 1000 + p, 7, 8, Optional.empty());
                requests.add(new GenerationRequest(checkpoint, "0".repeat(64), BaseModelFamily.SD15, lora, 1,
                        prompt, "euler_a", 1, png, Map.of("Epoch", Integer.toString(epoch))));
                samples.add(new SampleImage(UUID.randomUUID(), run, png, SampleImage.Source.RUN, epoch,
                        epoch * 100L, p, PROMPTS[p], "", 1000L + p, "euler_a", 7, 8, 64, 64, BASE, null, 1,
                        t.plusSeconds(epoch * 10L + p)));
            }
        }
        ImageSampler sampler = Lookup.getDefault().lookupAll(ImageSampler.class).stream()
                .filter(x -> x.id().equals("builtin")).findFirst().orElseThrow();
        List<String> failures = new ArrayList<>();
        sampler.generate(requests, EngineSettings.NONE.with("tokenizer", tokenizer.toString()),
                new GenerationListener() {
                    @Override
                    public void written(GenerationRequest request, Path file) {
                    }

                    @Override
                    public void failed(GenerationRequest request, String reason) {
                        failures.add(request.output().getFileName() + ": " + reason);
                    }
                }, () -> false);
        Assertions.assertEquals(List.of(), failures, "the built-in sampler inside the app");

        try (Store store = Store.open(StoreLocation.resolve(System.getProperty("atelier.home")))) {
            // no engine may claim the run between enqueue and the transitions below
            store.settings().put(RunService.PAUSED, "true");
            TrainingConfig config = TrainingConfig.defaults().with(Params.OUTPUT_NAME, "gmtrc_style");
            RunSpec spec = new RunSpec(run, folder, "builtin", "test", config, null, checkpoint, "0".repeat(64),
                    List.of(), Instant.now());
            store.runs().enqueue(run, folder, "builtin", RunSpecJson.write(spec));
            store.runs().transition(run, RunState.QUEUED, RunState.STARTING, null);
            store.runs().transition(run, RunState.STARTING, RunState.RUNNING, null);
            checkpoints.forEach(f -> store.runs().recordFile(run, f));
            samples.forEach(store.gallery()::add);
            store.runs().transition(run, RunState.RUNNING, RunState.SUCCEEDED, null);
        }

        Node root = onEdt(() -> project.getLookup().lookup(LogicalViewProvider.class).createLogicalView());
        onEdt(() -> {
            Action open = Stream.of(root.getActions(false)).filter(a -> a != null
                    && "Gallery".equals(a.getValue(Action.NAME))).findFirst().orElseThrow();
            ((ContextAwareAction) open).createContextAwareInstance(root.getLookup())
                    .actionPerformed(new ActionEvent(root, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
        String shortId = run.toString().substring(0, 8);
        waitFor("the Gallery window opens on the new run", () -> TopComponent.getRegistry().getOpened().stream()
                .anyMatch(tc -> tc.getName() != null && tc.getName().startsWith("Gallery")
                        && tc.getName().contains(shortId) && tc.isShowing()));
        TopComponent gallery = onEdt(() -> TopComponent.getRegistry().getOpened().stream()
                .filter(tc -> tc.getName() != null && tc.getName().contains(shortId)).findFirst().orElseThrow());
        JComponent grid = onEdt(() -> all(gallery, JComponent.class).stream()
                .filter(c -> "galleryGrid".equals(c.getName())).findFirst().orElseThrow());
        waitFor("the grid shows base model + 4 epochs × 3 prompts, selection at the top left",
                () -> new Point(0, 0).equals(grid.getClientProperty("selection")));

        press(grid, KeyEvent.VK_RIGHT);
        press(grid, KeyEvent.VK_DOWN);
        waitFor("→ and ↓ moved the selection to epoch 1, prompt #1",
                () -> new Point(1, 1).equals(grid.getClientProperty("selection")));
        press(grid, KeyEvent.VK_SPACE);  // mark epoch 1 for flip-compare
        press(grid, KeyEvent.VK_DOWN);
        waitForSelection(grid, new Point(1, 2), "↓ moved to epoch 2");
        press(grid, KeyEvent.VK_DOWN);
        waitForSelection(grid, new Point(1, 3), "↓ moved to epoch 3");
        press(grid, KeyEvent.VK_B);
        waitForPick(run, 3);
        Thread.sleep(1500); // the thumbnails decode, and the window reloads the pick, off the event thread
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-gallery.png"));

        press(grid, KeyEvent.VK_ENTER);
        waitFor("Enter opens the full view of epoch 3", () -> viewer() != null
                && viewer().getTitle().startsWith("epoch 3"));
        JDialog viewer = onEdt(GalleryWindowCheck::viewer);
        press(viewer.getRootPane(), KeyEvent.VK_F);
        waitFor("F flips to the marked cell, epoch 1", () -> viewer.getTitle().startsWith("epoch 1"));
        press(viewer.getRootPane(), KeyEvent.VK_F);
        waitFor("F flips back to epoch 3", () -> viewer.getTitle().startsWith("epoch 3"));
        press(viewer.getRootPane(), KeyEvent.VK_ESCAPE);
        waitFor("Escape closes the full view", () -> viewer() == null);
        Assertions.assertEquals(new Point(1, 3), onEdt(() -> grid.getClientProperty("selection")),
                "the selection stays where it was");

        onEdt(() -> {
            gallery.close();
            return null;
        });
    }

    private static void waitForSelection(JComponent grid, Point expected, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (expected.equals(onEdt(() -> grid.getClientProperty("selection")))) {
                return;
            }
            Thread.sleep(100);
        }
        Assertions.fail(what + ": the selection is " + onEdt(() -> grid.getClientProperty("selection"))
                + ", not " + expected + "; focus on " + onEdt(() -> java.awt.KeyboardFocusManager
                .getCurrentKeyboardFocusManager().getFocusOwner()));
    }

    /** B marks the selected row's epoch as the best: the store has the pick. */
    private static void waitForPick(UUID run, int epoch) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Store store = Store.open(StoreLocation.resolve(System.getProperty("atelier.home")))) {
                if (store.gallery().pick(run).map(p -> p.epoch() == epoch).orElse(false)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        Assertions.fail("B did not mark epoch " + epoch + " as the best in the store");
    }

    private static JDialog viewer() {
        return Stream.of(Window.getWindows()).filter(w -> w instanceof JDialog && w.isShowing()
                && "galleryViewer".equals(w.getName())).map(JDialog.class::cast).findFirst().orElse(null);
    }

    /** A key pressed on a component, through Swing's key bindings as a real key press would go. */
    private static void press(Component target, int key) throws Exception {
        onEdt(() -> {
            target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, key,
                    key == KeyEvent.VK_SPACE ? ' ' : KeyEvent.CHAR_UNDEFINED));
            return null;
        });
    }

    /** A LoRA on the text encoder's attention, stronger each epoch, so the epochs' images differ. */
    private static void writeLora(Path file, int epoch) throws java.io.IOException {
        LoraFileWriter writer = new LoraFileWriter(SafetensorsDtype.F16);
        Random r = new Random(epoch);
        for (int layer = 0; layer < TEXT_LAYERS; layer++) {
            for (String proj : new String[]{"q_proj", "v_proj"}) {
                writer.module("lora_te_text_model_encoder_layers_" + layer + "_self_attn_" + proj,
                        gaussian(r, 4 * TEXT_WIDTH, 0.5f), new long[]{4, TEXT_WIDTH},
                        gaussian(r, TEXT_WIDTH * 4, 0.4f * epoch), new long[]{TEXT_WIDTH, 4}, 4);
            }
        }
        writer.write(file, Map.of());
    }

    private static float[] gaussian(Random r, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian() * scale;
        }
        return v;
    }
}
