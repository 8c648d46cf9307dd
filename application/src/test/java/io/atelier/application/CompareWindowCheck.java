package io.atelier.application;

import static io.atelier.application.GuiSmokeTest.all;
import static io.atelier.application.GuiSmokeTest.onEdt;
import static io.atelier.application.GuiSmokeTest.waitFor;

import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.RunSpecJson;
import io.atelier.core.run.RunState;
import io.atelier.runner.RunService;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import org.junit.jupiter.api.Assertions;
import org.openide.awt.Actions;
import org.openide.windows.TopComponent;

/**
 * The Compare window: two finished runs put into the app's store through the real store API, of two projects on two
 * base models with a different network dim, one with validation losses and a best-epoch pick. Opened from Window ›
 * Compare Runs… by ticking both in its checklist: the parameter diff lists the network dim and both runs, the loss
 * chart has both runs' curves and the validation line; screenshot {@code target/atelier-compare.png} of the chart,
 * and {@code target/atelier-compare-samples.png} of the two runs' sample grids side by side.
 * Runs after {@link RunsWindowCheck} (its run counts assume these runs are not there yet).
 */
final class CompareWindowCheck {

    private static final int STEPS = 1200;

    private CompareWindowCheck() {
    }

    static void run(Path folder) throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Path other = Files.createDirectories(folder.resolveSibling("ink-style"));
        try (Store store = Store.open(StoreLocation.resolve(System.getProperty("atelier.home")))) {
            store.settings().put(RunService.PAUSED, "true"); // no engine here: nothing may be dispatched
            finished(store, first, folder, "ponyDiffusionV6XL", TrainingConfig.defaults(), 300, true);
            finished(store, second, other, "illustriousXL", TrainingConfig.defaults().with("network_dim", 16), 200,
                    false);
            store.gallery().pick(first, 3, "crisp lines");
            samples(store, first, folder, "ponyDiffusionV6XL", 4, 2, new java.awt.Color(0x1f77b4));
            samples(store, second, other, "illustriousXL", 6, 1, new java.awt.Color(0xff7f0e));
        }

        Actions.forID("Window", "io.atelier.gallery.compare.CompareRunsAction")
                .actionPerformed(new ActionEvent(CompareWindowCheck.class, ActionEvent.ACTION_PERFORMED, ""));
        waitFor("the run checklist shows", () -> choices() != null);
        onEdt(() -> {
            JTable choices = choices();
            tick(choices, first);
            tick(choices, second);
            Window dialog = javax.swing.SwingUtilities.getWindowAncestor(choices);
            all((JDialog) dialog, AbstractButton.class).stream().filter(b -> "OK".equals(b.getText())
                    && b.isEnabled()).findFirst().orElseThrow(() -> new AssertionError("OK is not enabled"))
                    .doClick();
            return null;
        });

        waitFor("the Compare window opens", () -> compare() != null && compare().isShowing());
        TopComponent tc = onEdt(CompareWindowCheck::compare);
        JTable diff = named(tc, JTable.class, "compareDiff");
        String a = first.toString().substring(0, 8);
        String b = second.toString().substring(0, 8);
        waitFor("the diff has a column per run", () -> diff.getColumnCount() == 3 && column(diff, a) > 0
                && column(diff, b) > 0);
        onEdt(() -> {
            int dim = row(diff, "network_dim");
            Assertions.assertTrue(dim >= 0, "the network dim differs: " + rows(diff));
            Assertions.assertEquals("32", String.valueOf(diff.getValueAt(dim, column(diff, a))), "run 1's dim");
            Assertions.assertEquals("16", String.valueOf(diff.getValueAt(dim, column(diff, b))), "run 2's dim");
            int best = row(diff, "best epoch");
            Assertions.assertEquals("3", String.valueOf(diff.getValueAt(best, column(diff, a))), "the pick");
            Assertions.assertTrue(row(diff, "base model") >= 0, "the base models differ");
            return null;
        });

        JTabbedPane tabs = named(tc, JTabbedPane.class, "compareTabs");
        onEdt(() -> {
            tabs.setSelectedIndex(1); // the loss chart: the screenshot's subject
            return null;
        });
        JLabel chartStatus = named(tc, JLabel.class, "compareChartStatus");
        waitFor("the chart has both losses and the validation line",
                () -> "3 lines for 2 runs".equals(chartStatus.getText()));
        Component chart = named(tc, Component.class, "compareChart");
        List<String> series = onEdt(() -> seriesKeys(chart));
        Assertions.assertTrue(series.stream().anyMatch(s -> s.endsWith(a)), "run 1's loss in " + series);
        Assertions.assertTrue(series.stream().anyMatch(s -> s.endsWith(b)), "run 2's loss in " + series);
        Assertions.assertTrue(series.stream().anyMatch(s -> s.endsWith(a + " (validation)")),
                "run 1's validation in " + series);
        Thread.sleep(500);
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-compare.png"));

        JComboBox<?> prompt = named(tc, JComboBox.class, "comparePrompt");
        onEdt(() -> {
            tabs.setSelectedIndex(2); // the grids side by side
            return null;
        });
        waitFor("the prompt chooser offers both runs' prompts", () -> prompt.getItemCount() == 2);
        Thread.sleep(1500); // thumbnails load when their cells are first painted
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-compare-samples.png"));
        onEdt(tc::close);
    }

    /** A sample image per epoch (0 = the base model) and prompt, a shade of the run's colour that darkens per epoch. */
    private static void samples(Store store, UUID run, Path folder, String baseModel, int epochs, int prompts,
            java.awt.Color colour) throws java.io.IOException {
        Path dir = Files.createDirectories(folder.resolve("runs").resolve(run.toString()).resolve("samples"));
        for (int epoch = 0; epoch <= epochs; epoch++) {
            for (int p = 0; p < prompts; p++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(96, 96,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = image.createGraphics();
                float f = 1f - 0.1f * epoch;
                g.setColor(new java.awt.Color(Math.round(colour.getRed() * f), Math.round(colour.getGreen() * f),
                        Math.round(colour.getBlue() * f)));
                g.fillRect(0, 0, 96, 96);
                g.setColor(java.awt.Color.WHITE);
                g.fillOval(24 + 8 * p, 24, 48 - 8 * p, 48);
                g.dispose();
                Path file = dir.resolve("e" + epoch + "-p" + p + ".png");
                javax.imageio.ImageIO.write(image, "png", file.toFile());
                store.gallery().add(new io.atelier.core.gallery.SampleImage(UUID.randomUUID(), run, file,
                        io.atelier.core.gallery.SampleImage.Source.RUN, epoch, epoch * 100L, p,
                        p == 0 ? "geometric, circle" : "geometric, ellipse", "", 42L, "euler_a", 7, 20, 96, 96,
                        baseModel + ".safetensors", null, 1, Instant.now()));
            }
        }
    }

    private static JTable choices() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing()) {
                JTable t = all(d, JTable.class).stream().filter(c -> "compareRunChoices".equals(c.getName()))
                        .findFirst().orElse(null);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static void tick(JTable choices, UUID run) {
        String id = run.toString().substring(0, 8);
        for (int i = 0; i < choices.getRowCount(); i++) {
            if (String.valueOf(choices.getValueAt(i, 1)).endsWith(id)) {
                choices.setValueAt(Boolean.TRUE, i, 0);
                return;
            }
        }
        throw new AssertionError("run " + id + " is not in the checklist");
    }

    private static TopComponent compare() {
        return TopComponent.getRegistry().getOpened().stream().filter(tc -> tc.getName() != null
                && tc.getName().startsWith("Compare")).findFirst().orElse(null);
    }

    private static int row(JTable table, String name) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (name.equals(table.getValueAt(i, 0))) {
                return i;
            }
        }
        return -1;
    }

    /** The column of the run whose label ends with its short id, -1 when none. */
    private static int column(JTable table, String shortId) {
        for (int i = 1; i < table.getColumnCount(); i++) {
            if (table.getColumnName(i).endsWith(shortId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> rows(JTable table) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < table.getRowCount(); i++) {
            names.add(String.valueOf(table.getValueAt(i, 0)));
        }
        return names;
    }

    /** The JFreeChart panel's series, by reflection: JFreeChart is not on this test's class path. */
    private static List<String> seriesKeys(Component chartPanel) throws Exception {
        Object chart = chartPanel.getClass().getMethod("getChart").invoke(chartPanel);
        Object plot = chart.getClass().getMethod("getXYPlot").invoke(chart);
        Object dataset = plot.getClass().getMethod("getDataset").invoke(plot);
        int count = (Integer) dataset.getClass().getMethod("getSeriesCount").invoke(dataset);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(String.valueOf(dataset.getClass().getMethod("getSeriesKey", int.class).invoke(dataset, i)));
        }
        return keys;
    }

    private static <T extends Component> T named(TopComponent tc, Class<T> type, String name) throws Exception {
        return onEdt(() -> all(tc, type).stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow(
                () -> new AssertionError("no " + name)));
    }

    /** Queued, started with this JVM as its process, then succeeded; loss per step and validation per epoch. */
    private static void finished(Store store, UUID id, Path folder, String baseModel, TrainingConfig config,
            int stepsPerEpoch, boolean validation) {
        RunSpec spec = new RunSpec(id, folder, "sd-scripts", "test", config, null,
                folder.resolveSibling(baseModel + ".safetensors"), "0".repeat(64), List.of(), Instant.now());
        store.runs().enqueue(id, folder, "sd-scripts", RunSpecJson.write(spec));
        ProcessHandle me = ProcessHandle.current();
        store.runs().transition(id, RunState.QUEUED, RunState.STARTING, null);
        store.runs().processStarted(id, me.pid(), me.info().startInstant().orElse(null));
        store.runs().transition(id, RunState.STARTING, RunState.RUNNING, null);
        java.util.Random random = new java.util.Random(stepsPerEpoch);
        List<RunEvent.Metric> batch = new ArrayList<>();
        for (int step = 1; step <= STEPS; step++) {
            int epoch = 1 + (step - 1) / stepsPerEpoch;
            double trend = 0.06 + 0.08 * Math.exp(-step / (double) (2 * stepsPerEpoch));
            batch.add(new RunEvent.Metric("loss/current", step, epoch,
                    Math.max(0.005, trend * (1 + 0.3 * random.nextGaussian()))));
            if (validation && step % stepsPerEpoch == 0) {
                batch.add(new RunEvent.Metric("loss/validation/epoch_average", epoch, epoch, trend + 0.01));
            }
        }
        store.metrics().append(id, batch);
        store.runs().progress(id, new RunEvent.Progress(STEPS, STEPS, STEPS / stepsPerEpoch, STEPS / stepsPerEpoch,
                2.0));
        store.runs().transition(id, RunState.RUNNING, RunState.SUCCEEDED, null);
    }
}
