package io.atelier.config.ui;

import io.atelier.config.ui.presets.PresetDialogs;
import io.atelier.config.ui.sheet.ParamSheet;
import io.atelier.config.ui.sheet.ParamTableModel;
import io.atelier.core.params.BucketSteps;
import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.ConfigChecks;
import io.atelier.core.params.ConfigWarning;
import io.atelier.core.params.DatasetFacts;
import io.atelier.core.params.ProjectConfig;
import io.atelier.core.params.StepBudget;
import io.atelier.core.params.TrainingConfig;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.imaging.report.DatasetFactsScan;
import io.atelier.project.api.AppStore;
import io.atelier.store.PresetVersion;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableModel;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * "Config — project": the parameter sheet on the left; the step budget, the warnings with their fixes on the right;
 * the preset bar on top. Every accepted change is written to {@code configs/training.json} off the event thread, in
 * order; the dataset is scanned once when the window opens and on Refresh.
 */
@TopComponent.Description(preferredID = "ConfigTopComponent", persistenceType = TopComponent.PERSISTENCE_NEVER)
public final class ConfigTopComponent extends TopComponent {

    private static final RequestProcessor WORK = new RequestProcessor("Config window", 2);
    private static final Pattern VERSIONED = Pattern.compile("(.+) v(\\d+)");

    private final ConfigProject project;
    private final RequestProcessor writes = new RequestProcessor("Config writer", 1);
    private final ParamTableModel model;
    private final JLabel presetLabel = new JLabel();
    private final JLabel status = new JLabel(" ");
    private final JTextArea summary = new JTextArea();
    private final DefaultTableModel bucketModel = new DefaultTableModel(
            new Object[]{"Bucket", "Images", "Items", "Batches"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JPanel warnings = new JPanel();
    private volatile LoraProject lora;
    private volatile DatasetFacts facts;
    private String preset;

    ConfigTopComponent(ConfigProject project) {
        this.project = project;
        setName("Config \u2014 " + project.displayName());
        setToolTipText("Training configuration of " + project.displayName());
        setLayout(new BorderLayout());
        model = new ParamTableModel(TrainingConfig.defaults(), null);
        model.onRefused(m -> {
            status.setForeground(new Color(0xB00020));
            status.setText(m);
        });
        model.onEdit((before, after) -> changed());

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        bar.add(new JLabel("Preset:"));
        presetLabel.setName("configPreset");
        presetLabel.setFont(presetLabel.getFont().deriveFont(Font.BOLD));
        bar.add(presetLabel);
        bar.add(button("Save as Preset Version\u2026", () -> PresetDialogs.save(this)));
        bar.add(button("Load Preset\u2026", () -> PresetDialogs.load(this)));
        bar.add(button("History\u2026", () -> PresetDialogs.history(this)));
        bar.add(button("Refresh Dataset", this::load));
        add(bar, BorderLayout.NORTH);

        summary.setName("configSummary");
        summary.setEditable(false);
        summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, UIManager.getFont("Label.font").getSize()));
        summary.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        summary.setBackground(UIManager.getColor("Panel.background"));
        JTable buckets = new JTable(bucketModel);
        buckets.setName("configBuckets");
        buckets.getColumnModel().getColumn(0).setPreferredWidth(110); // "1024 × 1024" in full
        JScrollPane bucketScroll = new JScrollPane(buckets);
        bucketScroll.setPreferredSize(new java.awt.Dimension(300, 110));
        JPanel budget = new JPanel(new BorderLayout());
        budget.setBorder(BorderFactory.createTitledBorder("Steps"));
        budget.add(summary, BorderLayout.CENTER);
        budget.add(bucketScroll, BorderLayout.SOUTH);

        warnings.setName("configWarnings");
        warnings.setLayout(new BoxLayout(warnings, BoxLayout.Y_AXIS));
        JScrollPane warningScroll = new JScrollPane(warnings);
        warningScroll.setBorder(BorderFactory.createTitledBorder("Warnings"));
        JSplitPane right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, budget, warningScroll);
        right.setResizeWeight(0.5);
        JSplitPane main = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new ParamSheet(model), right);
        main.setResizeWeight(0.5);
        add(main, BorderLayout.CENTER);
        status.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        add(status, BorderLayout.SOUTH);
        load();
    }

    public ConfigProject project() {
        return project;
    }

    public ParamTableModel model() {
        return model;
    }

    public String preset() {
        return preset;
    }

    LoraProject lora() {
        return lora;
    }

    private static JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.addActionListener(e -> action.run());
        return b;
    }

    /** Reads the project's configuration and scans the dataset, in the background. */
    private void load() {
        WORK.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle("Reading the configuration of "
                    + project.displayName());
            progress.start();
            try {
                LoraProject p = ProjectDescriptor.read(project.layout().root());
                ProjectConfig pc = ProjectConfig.read(project.layout(), p);
                TrainingConfig base = baselineOf(p, pc.preset());
                DatasetFactsScan.Result scan = DatasetFactsScan.scan(project.layout(), p.triggerWord());
                lora = p;
                facts = scan.facts();
                SwingUtilities.invokeLater(() -> {
                    if (preset == null) {
                        model.setConfig(pc.config());
                        preset = pc.preset();
                    }
                    model.setBaseline(base);
                    presetLabel.setText(preset == null ? "(none)" : preset);
                    status.setForeground(UIManager.getColor("Label.foreground"));
                    status.setText(scan.problems().isEmpty() ? " "
                            : scan.problems().size() + " dataset file(s) could not be read");
                    recompute();
                });
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> {
                    status.setForeground(new Color(0xB00020));
                    status.setText(String.valueOf(e.getMessage()));
                });
            } finally {
                progress.finish();
            }
        });
    }

    /** The configuration the named preset holds: a built-in one or "name vN" from the store; null when unknown. */
    static TrainingConfig baselineOf(LoraProject p, String presetName) {
        if (presetName == null) {
            return null;
        }
        ProjectConfig start = ProjectConfig.startingPoint(p);
        if (presetName.equals(start.preset())) {
            return start.config();
        }
        for (Map.Entry<String, TrainingConfig> e : BuiltInPresets.all()) {
            if (e.getKey().equals(presetName)) {
                return e.getValue();
            }
        }
        Matcher m = VERSIONED.matcher(presetName);
        if (m.matches()) {
            try {
                return AppStore.store().presets().version(m.group(1), Integer.valueOf(m.group(2))).config();
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    /** After an accepted edit: save and recompute. */
    private void changed() {
        status.setForeground(UIManager.getColor("Label.foreground"));
        status.setText(" ");
        save();
        recompute();
    }

    /** Replaces every value (a loaded preset, an applied fix), saves and recomputes. */
    public void replace(TrainingConfig next, String presetName, TrainingConfig baseline) {
        model.setConfig(next);
        if (presetName != null) {
            preset = presetName;
            presetLabel.setText(presetName);
            model.setBaseline(baseline);
        }
        changed();
    }

    private void save() {
        ProjectConfig pc = new ProjectConfig(preset, model.config());
        writes.post(() -> {
            try {
                pc.write(project.layout());
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> {
                    status.setForeground(new Color(0xB00020));
                    status.setText("Not saved: " + e.getMessage());
                });
            }
        });
    }

    /** Waits for the writes queued so far (tests). */
    public void awaitWrites() {
        writes.post(() -> { }).waitFinished();
    }

    private void recompute() {
        TrainingConfig config = model.config();
        DatasetFacts f = facts;
        LoraProject p = lora;
        if (f == null || p == null) {
            return;
        }
        WORK.post(() -> {
            String text;
            List<BucketSteps> rows = List.of();
            try {
                StepBudget b = StepBudget.of(config, f.sizes());
                rows = b.buckets();
                text = String.format(Locale.ROOT, """
                        Images            %,d
                        Repeats           %,d
                        Epochs            %,d
                        Batch size        %,d
                        Batches / epoch   %,d
                        Steps / epoch     %,d
                        Total steps       %,d of %,d%s
                        Simple formula    %,d × %,d × %,d ÷ %,d = %,.0f
                        Estimated file    %s""",
                        b.images(), b.repeats(), b.epochs(), b.batchSize(), b.batchesPerEpoch(), b.stepsPerEpoch(),
                        b.totalSteps(), StepBudget.MAX_STEPS, b.overBudget() ? "  OVER BUDGET" : "",
                        b.images(), b.repeats(), b.epochs(), b.batchSize(), b.simpleSteps(),
                        size(b.fileSizeBytes()));
            } catch (IllegalArgumentException e) {
                text = e.getMessage();
            }
            List<ConfigWarning> found = ConfigChecks.check(config, f, p.triggerWord(), false);
            String shown = text;
            List<BucketSteps> bucketRows = rows;
            SwingUtilities.invokeLater(() -> {
                if (!config.equals(model.config())) {
                    return; // a newer edit recomputes
                }
                summary.setText(shown);
                bucketModel.setRowCount(0);
                for (BucketSteps s : bucketRows) {
                    bucketModel.addRow(new Object[]{s.bucket().width() + " × " + s.bucket().height(), s.images(),
                        s.items(), s.batches()});
                }
                showWarnings(found);
            });
        });
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    private void showWarnings(List<ConfigWarning> found) {
        warnings.removeAll();
        if (found.isEmpty()) {
            warnings.add(new JLabel("No warnings."));
        }
        for (ConfigWarning w : found) {
            JPanel row = new JPanel(new BorderLayout(6, 2));
            row.setName("warning:" + w.id());
            row.setBorder(BorderFactory.createEmptyBorder(4, 6, 6, 6));
            JLabel message = new JLabel("<html><body style='width:190px'><b>" + (w.severity() == ConfigWarning.Severity.WARNING ? "⚠ " : "ℹ ")
                    + escape(w.message()) + "</b><br>" + escape(w.fix()) + "</html>");
            row.add(message, BorderLayout.CENTER);
            if (!w.fixValues().isEmpty()) {
                JButton apply = new JButton("Apply fix");
                apply.setName("fix:" + w.id());
                apply.addActionListener(e -> replace(w.applyTo(model.config()), null, null));
                JPanel east = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
                east.add(apply);
                row.add(east, BorderLayout.EAST);
            }
            row.setAlignmentX(LEFT_ALIGNMENT);
            row.setMaximumSize(new java.awt.Dimension(Integer.MAX_VALUE, row.getPreferredSize().height + 40));
            warnings.add(row);
        }
        warnings.add(Box.createVerticalGlue());
        warnings.revalidate();
        warnings.repaint();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Records a saved preset version as the project's starting point. */
    public void savedAs(PresetVersion v) {
        preset = v.preset() + " v" + v.version();
        presetLabel.setText(preset);
        model.setBaseline(v.config());
        save();
    }

    public static void warn(String message) {
        DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(message, NotifyDescriptor.WARNING_MESSAGE));
    }
}
