package io.atelier.trainingrun.runs;

import io.atelier.core.run.RunState;
import io.atelier.runner.RunException;
import io.atelier.runner.RunService;
import io.atelier.store.MetricRepository;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import io.atelier.store.StoredRun;
import io.atelier.trainingrun.chart.LossChartPanel;
import io.atelier.trainingrun.service.AppRuns;
import io.atelier.trainingrun.watch.RunOutputs;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Runs: every run of every project with filters, the queue (drag to reorder), Stop / Resume / Pause queue, and the
 * loss chart of the selected run. Reads the store off the event thread every second and whenever the runner says the
 * runs changed (the command line changes them too).
 */
@TopComponent.Description(preferredID = RunsTopComponent.ID, iconBase = "io/atelier/trainingrun/resources/runs.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 40)
@ActionID(category = "Window", id = "io.atelier.trainingrun.runs.RunsTopComponent")
@ActionReference(path = "Menu/Window", position = 40)
@TopComponent.OpenActionRegistration(displayName = "#CTL_RunsAction", preferredID = RunsTopComponent.ID)
@Messages({"CTL_RunsAction=&Runs", "CTL_RunsTopComponent=Runs"})
public final class RunsTopComponent extends TopComponent {

    public static final String ID = "RunsTopComponent";
    private static final Logger LOG = Logger.getLogger(RunsTopComponent.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Runs window", 1);
    private static final String ANY_PROJECT = "All projects";
    private static final String ANY_STATE = "All states";
    private static final String ANY_MODEL = "All base models";
    private static final int REFRESH_MS = 1000;

    private final RunRows rowMaker = new RunRows();
    private final RunTableModel model = new RunTableModel();
    private final JTable table = new JTable(model);
    private final QueueList queue = new QueueList(this::move);
    private final LossChartPanel chart = new LossChartPanel(RunsTopComponent::metrics);
    private final JComboBox<String> projectFilter = new JComboBox<>();
    private final JComboBox<Object> stateFilter = new JComboBox<>();
    private final JComboBox<String> modelFilter = new JComboBox<>();
    private final JButton stop = new JButton("Stop");
    private final JButton resume = new JButton("Resume");
    private final JButton log = new JButton("Show Log");
    private final JButton pause = new JButton("Pause Queue");
    private final JLabel status = new JLabel(" ");
    private final RequestProcessor.Task refresh = RP.create(this::read);
    private final Map<UUID, RunState> states = new ConcurrentHashMap<>();
    private final RunService.Listener changes = new RunService.Listener() {
        @Override
        public void runEvents(UUID runId, List<io.atelier.core.run.RunEvent> events) {
            // the chart reads the store itself; the table needs no per-event work
        }

        @Override
        public void runsChanged() {
            refresh.schedule(100);
        }
    };
    private List<RunRow> all = List.of();
    private RunFilter filter = RunFilter.ALL;
    private UUID shown;
    private UUID pendingSelection;
    private boolean paused;
    private boolean updatingFilters;
    private volatile boolean open;
    private volatile RunService listening;

    public RunsTopComponent() {
        setName(Bundle.CTL_RunsTopComponent());
        setToolTipText("Every training run, the queue and the loss chart");
        setLayout(new BorderLayout());

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        projectFilter.setName("filterProject");
        stateFilter.setName("filterState");
        modelFilter.setName("filterBaseModel");
        projectFilter.setModel(new DefaultComboBoxModel<>(new String[]{ANY_PROJECT}));
        DefaultComboBoxModel<Object> states = new DefaultComboBoxModel<>();
        states.addElement(ANY_STATE);
        for (RunState s : RunState.values()) {
            states.addElement(s);
        }
        stateFilter.setModel(states);
        modelFilter.setModel(new DefaultComboBoxModel<>(new String[]{ANY_MODEL}));
        projectFilter.addActionListener(e -> filterChanged());
        stateFilter.addActionListener(e -> filterChanged());
        modelFilter.addActionListener(e -> filterChanged());
        bar.add(projectFilter);
        bar.add(stateFilter);
        bar.add(modelFilter);
        stop.setName("stopRun");
        resume.setName("resumeRun");
        pause.setName("pauseQueue");
        stop.addActionListener(e -> act("stop", s -> s.stop(selectedId())));
        resume.addActionListener(e -> act("resume", s -> s.resume(selectedId())));
        pause.addActionListener(e -> {
            boolean to = !paused;
            act(to ? "pause the queue" : "resume the queue", s -> s.setPaused(to));
        });
        log.addActionListener(e -> showLog());
        bar.add(stop);
        bar.add(resume);
        bar.add(log);
        bar.add(pause);
        bar.add(status);
        add(bar, BorderLayout.NORTH);

        table.setName("runsTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setDefaultRenderer(Object.class, new StateRenderer());
        // fixed widths with a horizontal scroll bar: squeezed columns would cut every value short
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        int[] widths = {130, 150, 140, 75, 95, 55, 45, 115, 75, 420};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                selectionChanged();
            }
        });
        JPanel queuePanel = new JPanel(new BorderLayout());
        queuePanel.add(new JLabel(" Queue (drag to reorder)"), BorderLayout.NORTH);
        queuePanel.add(new JScrollPane(queue), BorderLayout.CENTER);
        queuePanel.setPreferredSize(new Dimension(240, 150));
        JSplitPane top = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), queuePanel);
        top.setResizeWeight(1);
        JSplitPane main = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, chart);
        main.setResizeWeight(0.3);
        add(main, BorderLayout.CENTER);
        chart.clear();
        updateButtons();
    }

    /** Opens the window (event thread), showing the runs of {@code project} (a folder name) when not null. */
    public static RunsTopComponent open(String project) {
        RunsTopComponent tc = (RunsTopComponent) WindowManager.getDefault().findTopComponent(ID);
        tc.open();
        tc.requestActive();
        if (project != null) {
            tc.filter = RunFilter.ALL.withProject(project);
            tc.showFilterChoices();
            tc.showRows();
        }
        return tc;
    }

    /** Selects a run once it is listed (after a refresh). Event thread. */
    public void select(UUID run) {
        shown = null;
        pendingSelection = run;
        refresh.schedule(0);
    }

    private static MetricRepository metrics() {
        try {
            return AppRuns.service().store().metrics();
        } catch (StoreException e) {
            throw new IllegalStateException("the store is not open: " + e.getMessage(), e);
        }
    }

    @Override
    protected void componentOpened() {
        open = true;
        refresh.schedule(0);
    }

    @Override
    protected void componentClosed() {
        open = false;
        refresh.cancel();
        chart.stop();
        RunService s = listening;
        if (s != null) {
            s.removeListener(changes);
            listening = null;
        }
    }

    /** Reads the runs and the queue's state (off the event thread), then shows them. */
    private void read() {
        if (!open) {
            return;
        }
        try {
            RunService s = AppRuns.service();
            if (listening == null) {
                listening = s;
                s.addListener(changes);
            }
            // the picks are read with the list, so a pick made in the gallery shows on the next refresh
            List<RunRow> rows = rowMaker.rows(s.store().runs().list(), s.store().gallery().picks());
            boolean queuePaused = s.paused();
            rows.forEach(r -> states.put(r.run().id(), r.run().state()));
            Instant now = Instant.now();
            SwingUtilities.invokeLater(() -> show(rows, queuePaused, now));
        } catch (StoreException | StoreAccessException | IllegalStateException e) {
            LOG.log(Level.INFO, "Cannot list the runs", e);
            SwingUtilities.invokeLater(() -> status.setText("Runs unavailable: " + e.getMessage()));
        } finally {
            if (open) {
                refresh.schedule(REFRESH_MS);
            }
        }
    }

    private void show(List<RunRow> rows, boolean queuePaused, Instant now) {
        all = rows;
        paused = queuePaused;
        pause.setText(paused ? "Resume Queue" : "Pause Queue");
        long live = rows.stream().filter(r -> r.run().state().live()).count();
        long queued = rows.stream().filter(r -> r.run().state() == RunState.QUEUED).count();
        status.setForeground(UIManager.getColor("Label.foreground"));
        status.setText(rows.size() + " runs, " + live + " going, " + queued + " queued"
                + (paused ? " \u2014 queue paused" : ""));
        showFilterChoices();
        showRows(now);
        queue.setQueue(rows.stream().filter(r -> r.run().state() == RunState.QUEUED)
                .sorted(java.util.Comparator.comparing(r -> r.run().queuePosition())).toList());
        if (pendingSelection != null) {
            int i = model.indexOf(pendingSelection);
            if (i >= 0) {
                pendingSelection = null;
                table.setRowSelectionInterval(i, i);
                table.scrollRectToVisible(table.getCellRect(i, 0, true));
            }
        }
    }

    private void showRows() {
        showRows(Instant.now());
    }

    private void showRows(Instant now) {
        UUID selected = selectedId();
        model.setRows(filter.apply(all), now);
        int i = selected == null ? -1 : model.indexOf(selected);
        if (i >= 0) {
            table.setRowSelectionInterval(i, i);
        } else if (model.getRowCount() > 0 && pendingSelection == null) {
            table.setRowSelectionInterval(0, 0);
        }
        updateButtons();
    }

    /** Fills the filter choices from the runs listed, keeping what is chosen. */
    private void showFilterChoices() {
        updatingFilters = true;
        try {
            fill(projectFilter, ANY_PROJECT, RunFilter.choices(all, RunRow::project), filter.project());
            fill(modelFilter, ANY_MODEL, RunFilter.choices(all, RunRow::baseModel), filter.baseModel());
            stateFilter.setSelectedItem(filter.state() == null ? ANY_STATE : filter.state());
        } finally {
            updatingFilters = false;
        }
    }

    private static void fill(JComboBox<String> box, String any, List<String> values, String chosen) {
        List<String> items = new ArrayList<>();
        items.add(any);
        items.addAll(values);
        if (chosen != null && !values.contains(chosen)) {
            items.add(chosen); // keep a filter for a project whose runs are not listed (yet)
        }
        DefaultComboBoxModel<String> m = (DefaultComboBoxModel<String>) box.getModel();
        boolean same = m.getSize() == items.size();
        for (int i = 0; same && i < items.size(); i++) {
            same = items.get(i).equals(m.getElementAt(i));
        }
        if (!same) {
            m.removeAllElements();
            items.forEach(m::addElement);
        }
        box.setSelectedItem(chosen == null ? any : chosen);
    }

    private void filterChanged() {
        if (updatingFilters) {
            return;
        }
        Object p = projectFilter.getSelectedItem();
        Object s = stateFilter.getSelectedItem();
        Object b = modelFilter.getSelectedItem();
        filter = new RunFilter(ANY_PROJECT.equals(p) ? null : (String) p, s instanceof RunState st ? st : null,
                ANY_MODEL.equals(b) ? null : (String) b);
        showRows();
    }

    private UUID selectedId() {
        int i = table.getSelectedRow();
        return i < 0 ? null : model.row(table.convertRowIndexToModel(i)).run().id();
    }

    private RunRow selectedRow() {
        int i = table.getSelectedRow();
        return i < 0 ? null : model.row(table.convertRowIndexToModel(i));
    }

    private void selectionChanged() {
        updateButtons();
        RunRow r = selectedRow();
        if (r == null) {
            if (shown != null && model.getRowCount() == 0) {
                shown = null;
                chart.clear();
            }
            return;
        }
        if (!r.run().id().equals(shown)) {
            shown = r.run().id();
            UUID id = shown;
            chart.show(id, r.name(), () -> {
                RunState st = states.get(id);
                return st == null || !st.ended();
            });
        }
    }

    private void updateButtons() {
        RunRow r = selectedRow();
        RunState st = r == null ? null : r.run().state();
        stop.setEnabled(st != null && (st.live() || st == RunState.QUEUED));
        resume.setEnabled(st != null && st.canMoveTo(RunState.QUEUED));
        log.setEnabled(r != null);
    }

    private interface ServiceCall {
        void call(RunService service) throws RunException;
    }

    /** Runs a call on the runner off the event thread; a refusal is shown in a dialog. */
    private void act(String what, ServiceCall call) {
        RP.post(() -> {
            try {
                call.call(AppRuns.service());
            } catch (RunException e) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("Cannot " + what + ": "
                        + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            } catch (StoreException | RuntimeException e) {
                LOG.log(Level.INFO, "Cannot " + what, e);
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("Cannot " + what + ": "
                        + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            }
            refresh.schedule(0);
        });
    }

    private void move(UUID run, int index) {
        act("reorder the queue", s -> s.move(run, index));
    }

    private void showLog() {
        RunRow r = selectedRow();
        if (r == null) {
            return;
        }
        RP.post(() -> {
            try {
                StoredRun run = r.run();
                RunOutputs.show(run, AppRuns.service().drives(run.id()));
            } catch (StoreException e) {
                LOG.log(Level.INFO, "Cannot show the log", e);
            }
        });
    }

    /** For the GUI check. */
    public JTable table() {
        return table;
    }

    public JList<RunRow> queue() {
        return queue;
    }

    public LossChartPanel chart() {
        return chart;
    }

    /** Greys ended runs, reds failures, marks runs whose folder is gone. */
    private static final class StateRenderer extends DefaultTableCellRenderer {
        private static final Set<RunState> QUIET = Set.of(RunState.CANCELLED, RunState.SUCCEEDED);

        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            RunRow r = ((RunTableModel) t.getModel()).row(t.convertRowIndexToModel(row));
            if (!selected) {
                RunState st = r.run().state();
                c.setForeground(r.folderMissing() || st == RunState.FAILED ? new Color(0xB0, 0x00, 0x20)
                        : st.live() ? new Color(0x1b, 0x5e, 0x20)
                        : QUIET.contains(st) ? t.getForeground() : new Color(0x8a, 0x5a, 0x00));
            }
            setToolTipText(column == RunTableModel.REASON && value != null && !value.toString().isEmpty()
                    ? value.toString() : null);
            if (column == RunTableModel.BEST && r.bestEpoch() != null) {
                setToolTipText("Epoch " + r.bestEpoch() + " is picked as the best in the gallery");
            }
            if (column == 1 && r.folderMissing()) {
                setToolTipText(r.run().projectFolder() + " is missing");
            }
            setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 4));
            return c;
        }
    }
}
