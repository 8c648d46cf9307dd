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
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.swing.Action;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JTable;
import org.junit.jupiter.api.Assertions;
import org.netbeans.api.project.Project;
import org.netbeans.spi.project.ui.LogicalViewProvider;
import org.openide.nodes.Node;
import org.openide.util.ContextAwareAction;
import org.openide.windows.TopComponent;

/**
 * The Runs window with runs put into the app's store through the real store API: a run of 3,000 steps that was
 * interrupted at step 1,800, resumed and finished (its curve continues), a live one (its "process" is this JVM, so the
 * runner leaves it running), and two queued ones, one of a deleted project (the queue is paused first: no engine is
 * configured here). Opened from the project node's Runs action: filters, the chart of the finished run with every
 * step, a drag in the queue that reorders it in the store; screenshot {@code target/atelier-runs.png}.
 */
final class RunsWindowCheck {

    private static final int STEPS = 3000;
    private static final int STEPS_PER_EPOCH = 300;

    private RunsWindowCheck() {
    }

    static void run(Project project, Path folder) throws Exception {
        UUID finished = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Path gone = folder.resolveSibling("deleted-lora");
        try (Store store = Store.open(StoreLocation.resolve(System.getProperty("atelier.home")))) {
            store.settings().put(RunService.PAUSED, "true");
            ProcessHandle me = ProcessHandle.current();
            Instant myStart = me.info().startInstant().orElse(null);

            enqueue(store, finished, folder, "ponyDiffusionV6XL");
            start(store, finished, me.pid(), myStart);
            metrics(store, finished, 1, 1800);
            store.runs().progress(finished, new RunEvent.Progress(1800, STEPS, 6, 10, 2.4));
            store.runs().transition(finished, RunState.RUNNING, RunState.INTERRUPTED, "the app was closed");
            store.runs().requeue(finished, RunState.INTERRUPTED, true);
            start(store, finished, me.pid(), myStart);
            metrics(store, finished, 1801, STEPS); // the resumed run continues its steps
            store.runs().progress(finished, new RunEvent.Progress(STEPS, STEPS, 10, 10, 2.4));
            store.runs().transition(finished, RunState.RUNNING, RunState.SUCCEEDED, null);

            enqueue(store, live, folder, "illustriousXL");
            start(store, live, me.pid(), myStart);
            metrics(store, live, 1, 400);
            store.runs().progress(live, new RunEvent.Progress(400, 1600, 2, 8, 1.7));

            enqueue(store, first, folder, "ponyDiffusionV6XL");
            Files.createDirectories(gone);
            enqueue(store, second, gone, "sd_xl_base_1.0");
        }
        Files.delete(gone); // its run stays in the store: shown as folder missing

        Node root = onEdt(() -> project.getLookup().lookup(LogicalViewProvider.class).createLogicalView());
        onEdt(() -> {
            Action open = Stream.of(root.getActions(false)).filter(a -> a != null
                    && "Runs".equals(a.getValue(Action.NAME))).findFirst().orElseThrow();
            ((ContextAwareAction) open).createContextAwareInstance(root.getLookup())
                    .actionPerformed(new ActionEvent(root, ActionEvent.ACTION_PERFORMED, ""));
            return null;
        });
        waitFor("the Runs window opens", () -> TopComponent.getRegistry().getOpened().stream()
                .anyMatch(tc -> "Runs".equals(tc.getName()) && tc.isShowing()));
        TopComponent runs = onEdt(() -> TopComponent.getRegistry().getOpened().stream()
                .filter(tc -> "Runs".equals(tc.getName())).findFirst().orElseThrow());
        JTable table = named(runs, JTable.class, "runsTable");
        String name = folder.getFileName().toString();
        waitFor("the Runs window lists the project's three runs", () -> table.getRowCount() == 3
                && name.equals(table.getValueAt(0, 0)));

        choose(runs, "filterProject", "All projects");
        waitFor("all projects: four runs, the deleted project's folder missing", () -> table.getRowCount() == 4
                && rowOf(table, "deleted-lora") >= 0
                && String.valueOf(table.getValueAt(rowOf(table, "deleted-lora"), 1)).contains("folder missing"));
        choose(runs, "filterState", RunState.QUEUED);
        waitFor("the state filter shows the two queued runs", () -> table.getRowCount() == 2);
        choose(runs, "filterState", "All states");
        choose(runs, "filterBaseModel", "illustriousXL");
        waitFor("the base-model filter shows the live run", () -> table.getRowCount() == 1
                && "Running".equals(table.getValueAt(0, 1)) && "400 / 1,600".equals(table.getValueAt(0, 4)));
        choose(runs, "filterBaseModel", "All base models");

        onEdt(() -> {
            int row = -1;
            for (int i = 0; i < table.getRowCount(); i++) {
                if ("Succeeded".equals(table.getValueAt(i, 1))) {
                    row = i;
                }
            }
            table.setRowSelectionInterval(row, row);
            return null;
        });
        javax.swing.JLabel count = named(runs, javax.swing.JLabel.class, "chartCount");
        waitFor("the chart shows every step of the resumed and finished run",
                () -> count.getText().startsWith("(3,000 steps, "));

        JList<?> queue = named(runs, JList.class, "runQueue");
        waitFor("the queue lists the two queued runs in order", () -> queue.getModel().getSize() == 2
                && queued(queue, 0).contains(name) && queued(queue, 1).contains("deleted-lora"));
        Thread.sleep(500);
        GuiSmokeTest.saveScreenshot(new File(System.getProperty("atelier.screenshot.dir", "target"),
                "atelier-runs.png"));

        dragSecondAboveFirst(queue);
        waitFor("dragging reorders the queue in the store", () -> queued(queue, 0).contains("deleted-lora"));
        try (Store store = Store.open(StoreLocation.resolve(System.getProperty("atelier.home")))) {
            List<UUID> order = store.runs().queue().stream().map(r -> r.id()).toList();
            Assertions.assertEquals(List.of(second, first), order, "the queue order in the store");
        }
    }

    private static String queued(JList<?> queue, int index) {
        return queue.getCellRenderer() == null ? "" : String.valueOf(((javax.swing.JLabel) ((JList<Object>) queue)
                .getCellRenderer().getListCellRendererComponent((JList<Object>) queue, queue.getModel()
                        .getElementAt(index), index, false, false)).getText());
    }

    private static int rowOf(JTable table, String project) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (project.equals(table.getValueAt(i, 0))) {
                return i;
            }
        }
        return -1;
    }

    private static <T extends java.awt.Component> T named(TopComponent tc, Class<T> type, String name)
            throws Exception {
        return onEdt(() -> all(tc, type).stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow(
                () -> new AssertionError("no " + name)));
    }

    private static void choose(TopComponent runs, String box, Object item) throws Exception {
        onEdt(() -> {
            all(runs, JComboBox.class).stream().filter(c -> box.equals(c.getName())).findFirst().orElseThrow()
                    .setSelectedItem(item);
            return null;
        });
    }

    /** A real mouse drag, in small steps so Swing's drag gesture and drop target see it. */
    private static void dragSecondAboveFirst(JList<?> queue) throws Exception {
        Rectangle[] cells = onEdt(() -> new Rectangle[]{queue.getCellBounds(0, 0), queue.getCellBounds(1, 1)});
        Point origin = onEdt(queue::getLocationOnScreen);
        Robot robot = new Robot();
        robot.setAutoDelay(20);
        int x = origin.x + 30;
        int fromY = origin.y + cells[1].y + cells[1].height / 2;
        int toY = origin.y + cells[0].y + 2;
        robot.mouseMove(x, fromY);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int y = fromY; y >= toY; y -= 2) {
            robot.mouseMove(x + (fromY - y) % 3, y);
        }
        robot.mouseMove(x, toY);
        Thread.sleep(200);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    }

    private static void enqueue(Store store, UUID id, Path folder, String baseModel) {
        RunSpec spec = new RunSpec(id, folder, "sd-scripts", "test", TrainingConfig.defaults(), null,
                folder.resolveSibling(baseModel + ".safetensors"), "0".repeat(64), List.of(), Instant.now());
        store.runs().enqueue(id, folder, "sd-scripts", RunSpecJson.write(spec));
    }

    /** Claimed and running, with this JVM as its process so the runner's reconcile leaves it alone. */
    private static void start(Store store, UUID id, long pid, Instant processStart) {
        store.runs().transition(id, RunState.QUEUED, RunState.STARTING, null);
        store.runs().processStarted(id, pid, processStart);
        store.runs().transition(id, RunState.STARTING, RunState.RUNNING, null);
    }

    /** Loss per step with noise and a falling trend, sd-scripts' running average, a cosine learning rate. */
    private static void metrics(Store store, UUID id, int from, int to) {
        java.util.Random random = new java.util.Random(from);
        List<RunEvent.Metric> batch = new ArrayList<>();
        for (int step = from; step <= to; step++) {
            int epoch = 1 + (step - 1) / STEPS_PER_EPOCH;
            double trend = 0.06 + 0.08 * Math.exp(-step / 700.0);
            double noisy = Math.max(0.005, trend * (1 + 0.3 * random.nextGaussian()));
            batch.add(new RunEvent.Metric("loss/current", step, epoch, noisy));
            batch.add(new RunEvent.Metric("loss/average", step, epoch, trend + 0.004));
            batch.add(new RunEvent.Metric("lr/unet", step, epoch,
                    1e-4 * 0.5 * (1 + Math.cos(Math.PI * step / STEPS))));
            if (step % STEPS_PER_EPOCH == 0) {
                batch.add(new RunEvent.Metric("loss/epoch_average", epoch, epoch, trend));
            }
            if (batch.size() >= 750) { // about what the runner writes per flush
                store.metrics().append(id, batch);
                batch.clear();
            }
        }
        store.metrics().append(id, batch);
    }
}
